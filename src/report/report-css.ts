/**
 * The one stylesheet of every report, inlined in the page: system fonts only, readable line
 * lengths on screens, and print rules for A4 (margins, no split figures or table rows, links
 * and navigation hidden). Status words carry a symbol as well as a colour.
 */

import { FONT_STACK } from './chart-theme.js';

/** The CSS text inlined in each report's `<style>`. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d9d9d9; --good: #00664a; --bad: #a63d00; --accent: #0072b2; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; color: var(--ink); background: #fff; line-height: 1.45; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 3rem; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 1.25rem; padding-bottom: .5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; line-height: 1.2; }
.subtitle { color: var(--muted); margin: 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
.summary { background: #f3f7fb; border-left: 4px solid var(--accent); padding: .75rem 1rem; margin: 0 0 1rem; }
.summary h2 { border: 0; margin: 0 0 .35rem; font-size: 1.05rem; }
.summary p { margin: 0; font-size: 1.05rem; }
nav.contents { font-size: .9rem; margin: 0 0 1rem; }
nav.contents ol { margin: 0; padding-left: 1.25rem; columns: 2; }
.intro { margin: .25rem 0 .75rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr)); gap: .75rem; margin: .75rem 0 1rem; padding: 0; }
.figure { border: 1px solid var(--rule); border-radius: 6px; padding: .6rem .75rem; margin: 0; break-inside: avoid; }
.figure dt { font-size: .85rem; color: var(--muted); }
.figure dd { margin: 0; }
.figure .value { font-size: 1.45rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure .detail { font-size: .8rem; color: var(--muted); }
.figure .definition { font-size: .8rem; margin-top: .3rem; }
.status { font-size: .85rem; font-weight: 600; }
.status-good { color: var(--good); }
.status-bad { color: var(--bad); }
.status-neutral { color: var(--muted); }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
figure.chart { margin: .5rem 0 1rem; break-inside: avoid; flex: 1 1 22rem; min-width: 0; }
figure.chart.wide { flex-basis: 100%; }
figure.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
figure.chart svg { display: block; }
figure.chart .alt { font-size: .8rem; color: var(--muted); margin: .25rem 0 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: .35rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #999; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.strong { font-weight: 700; }
tbody tr:nth-child(even) { background: #fafafa; }
.note { border-left: 4px solid #999; padding: .4rem .75rem; background: #f7f7f7; margin: .5rem 0 1rem; }
.note.caution { border-left-color: var(--bad); background: #fdf3ee; }
footer { margin-top: 2.5rem; font-size: .8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav.contents { display: none; }
  h2 { break-after: avoid; }
  .summary { background: none; }
  tbody tr { break-inside: avoid; }
  table.keep { break-inside: avoid; }
  caption { break-after: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) { background: none; }
  figure.chart { flex-basis: 100%; }
  td.num, th.num { white-space: normal; }
  table { font-size: 8.5pt; }
  figure.chart svg { max-width: 100% !important; }
}
`;
