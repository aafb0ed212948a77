/**
 * The Vega-Lite configuration shared by every chart: a system font stack (no web font is ever
 * fetched), readable sizes for print, quiet axes and the colour-blind safe category palette.
 */

import type { Config } from 'vega-lite';
import { SERIES_COLOURS } from './palette.js';

/** The font stack used in charts and pages: fonts already on the reader's machine. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';

/** Default width in pixels of a wide (full-page) chart; A4 portrait prints about 720 px. */
export const WIDE_CHART_WIDTH = 640;

/** Default width in pixels of a narrow chart (two to a row on screens). */
export const NARROW_CHART_WIDTH = 320;

/** The shared Vega-Lite `config` block. */
export const CHART_CONFIG: Config = {
  font: FONT_STACK,
  // One accessible name per chart (on the SVG root) rather than one per data point: hundreds of
  // point labels are noise to a screen reader and bloat the file.
  aria: false,
  background: 'white',
  padding: 4,
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: '#333',
    labelColor: '#333',
    gridColor: '#e6e6e6',
    domainColor: '#888',
    tickColor: '#888',
  },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 13, fontWeight: 'normal', anchor: 'start' },
  range: { category: [...SERIES_COLOURS] },
  text: { fontSize: 11 },
};
