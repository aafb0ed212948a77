/**
 * The report document model: plain, serialisable data that page builders produce and the HTML
 * renderer turns into one self-contained file. Keeping the document separate from its rendering
 * lets tests check what a report says (its summary, figures and tables) without a browser, and
 * lets a later renderer (Markdown, PDF) reuse every page builder.
 */

import type { TopLevelSpec } from 'vega-lite';

/** One headline number with its definition, e.g. "Service level 81.2 % — answered within 20 s…". */
export interface KeyFigure {
  /** Short label: `Service level`. */
  label: string;
  /** The value, already formatted: `81.2 %`. */
  value: string;
  /** Optional detail under the value: `95 % CI 80.1–82.3 %`. */
  detail?: string;
  /** What the figure means and how it is computed, in plain words. */
  definition: string;
  /** Optional judgement shown as a word (never colour alone): `meets target`, `worse`. */
  status?: { word: string; tone: 'good' | 'bad' | 'neutral' };
}

/** A block of key figures shown as cards. */
export interface KeyFiguresBlock {
  kind: 'figures';
  figures: KeyFigure[];
}

/** A table cell: text, optionally right-aligned (numbers) or emphasised. */
export interface TableCell {
  text: string;
  numeric?: boolean;
  strong?: boolean;
}

/** A data table with a caption; numbers are right-aligned. */
export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: { label: string; numeric?: boolean }[];
  rows: (string | TableCell)[][];
}

/** A chart: a Vega-Lite spec rendered to inline SVG, with a title and a text alternative. */
export interface ChartBlock {
  kind: 'chart';
  /** Which helper drew it (`fan`, `heatmap`…): a hook for tests and styling. */
  chart: string;
  title: string;
  /** Text alternative: what the chart shows, for screen readers and for print captions. */
  description: string;
  spec: TopLevelSpec;
  /** Wide charts take the full page width; others may sit two to a row on screens. */
  wide?: boolean;
}

/** A paragraph of explanation or caution. */
export interface NoteBlock {
  kind: 'note';
  text: string;
  tone?: 'info' | 'caution';
}

/** Any block a section can hold. */
export type ReportBlock = KeyFiguresBlock | TableBlock | ChartBlock | NoteBlock;

/** A titled section of the report. */
export interface ReportSection {
  heading: string;
  /** Optional lead paragraph. */
  intro?: string;
  blocks: ReportBlock[];
}

/** A whole report: title, plain-language summary, sections. */
export interface ReportDocument {
  title: string;
  /** One line under the title: what was run, on what, when. */
  subtitle?: string;
  /** Three to five plain-language sentences generated from the numbers. */
  summary: string[];
  sections: ReportSection[];
  /** Footer line: the tool and version, the command. */
  footer?: string;
}

/** Every chart block of a document, in reading order. */
export function reportCharts(document: ReportDocument): ChartBlock[] {
  const charts: ChartBlock[] = [];
  for (const section of document.sections)
    for (const block of section.blocks) if (block.kind === 'chart') charts.push(block);
  return charts;
}
