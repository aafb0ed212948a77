// The compare page built with the library from a `switchboard compare --json` file, four
// measures only (docs/reports.md). After `npm run build`, from the project's root:
//   switchboard compare scenarios/baseline.yaml --variant stop-voicemail-messages --json > compare.json
//   node docs/examples/compare-report.mjs compare.json compare.html
import { readFileSync } from 'node:fs';
import { compareReport, writeReport } from '../../dist/index.js';

const [input = 'compare.json', output = 'compare.html'] = process.argv.slice(2);
const result = JSON.parse(readFileSync(input, 'utf8'));
const shown = [
  'overall.serviceLevel',
  'overall.abandoned',
  'overall.bouncedBack',
  'overall.occupancy',
];
const document = compareReport({
  baseName: result.base,
  variantName: result.comparisons[0].variant,
  days: result.days,
  replications: result.replications,
  change: 'Clerks no longer leave voicemail messages: they call again later',
  measures: result.measures.filter((m) => shown.includes(m.name)),
});
const bytes = await writeReport(output, document);
console.log(document.summary.join('\n'));
console.log(`wrote ${output} (${bytes} bytes)`);
