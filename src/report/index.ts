/**
 * Reports: a document model (title, summary, sections of key figures, tables, charts, notes),
 * chart helpers producing Vega-Lite specs, page builders for each command, and an HTML renderer
 * writing ONE self-contained file (charts rendered to inline SVG in Node, no network needed).
 */

export type { ReferenceLine, TimePoint } from './chart-parts.js';
export * from './chart-svg.js';
export * from './charts/bar-chart.js';
export * from './charts/call-outcome-flow.js';
export * from './charts/call-path-flow.js';
export * from './charts/difference-chart.js';
export * from './charts/fan-chart.js';
export * from './charts/flow-chart.js';
export * from './charts/flow-layout.js';
export * from './charts/heatmap-chart.js';
export * from './charts/histogram-chart.js';
export * from './charts/interval-chart.js';
export * from './charts/survival-chart.js';
export * from './document.js';
export * from './format.js';
export * from './from-audit.js';
export * from './from-forecast.js';
export * from './measures.js';
export * from './pages/audit-input.js';
export * from './pages/audit-report.js';
export * from './pages/audit-sections.js';
export * from './pages/audit-tables.js';
export * from './pages/compare-report.js';
export * from './pages/forecast-report.js';
export * from './pages/simulate-input.js';
export * from './pages/simulate-report.js';
export * from './render-html.js';
export * from './report-option.js';
export * from './sentences.js';
export * from '../calendar/format-wall-clock.js';
export * from './write-report.js';
