/**
 * Colours, dash patterns and fills shared by every chart, chosen so a report reads the same in
 * colour, in greyscale and for colour-blind readers: the Okabe–Ito palette (Okabe & Ito, "Color
 * Universal Design", 2008), a distinct dash pattern per series, and a hatch fill for what colour
 * alone would otherwise have to say. Every series is also labelled directly on the chart.
 */

/** The Okabe–Ito colour-blind safe palette, most distinct first (black is kept for history). */
export const SERIES_COLOURS = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
] as const;

/** Dash patterns paired with {@link SERIES_COLOURS}, so series differ without colour. */
export const SERIES_DASHES: readonly (readonly number[])[] = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 3, 2, 3],
  [1, 0],
  [4, 4],
  [1, 0],
];

/** Colour of observed history (black: the most readable and the plainest). */
export const HISTORY_COLOUR = '#222222';

/** Colour of targets and reference lines (drawn dashed and labelled as well). */
export const TARGET_COLOUR = '#555555';

/** Colours of a comparison verdict; the verdict is always printed as a word beside it too. */
export const VERDICT_COLOURS = {
  better: '#0072B2',
  worse: '#D55E00',
  equivalent: '#8C8C8C',
  /** A difference is seen (the interval excludes zero), its size against the margin is not settled. */
  'not settled': '#666666',
  'no difference': '#8C8C8C',
  /** Moved beyond the margin, for a measure better neither way (calls offered, occupancy). */
  higher: '#333333',
  lower: '#333333',
} as const;

/** The id of the diagonal hatch pattern defined once in every report page. */
export const HATCH_PATTERN_ID = 'sb-hatch';

/** Fill value referring to the page's hatch pattern (for "worse" bars, lost calls…). */
export const HATCH_FILL = `url(#${HATCH_PATTERN_ID})`;

/** The colour of series number `index` (wrapping around). */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** The dash pattern of series number `index` (wrapping around). */
export function seriesDash(index: number): readonly number[] {
  return SERIES_DASHES[index % SERIES_DASHES.length]!;
}
