// Make the README's screenshots (docs/images/report-*.png) from the pages the browser test
// wrote under test-output/. Run after `npx vitest run test/report/browser.test.ts`:
//   node test/report/docs-images.js
// Each image is the top of a report down to the bottom of one chart (the simulate one: its flow
// chart alone), 1000 px wide.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

// [image name, chart, report page under test-output/]. The audit and forecast images come from
// the real commands (the browser test's `audit-bank` page: the Anonymous Bank 1999 records;
// `forecast-911`: the Montgomery County 911 series; `simulate-command`, `compare-command`:
// scenarios/baseline.yaml). Each image runs from the top of the page to the chart named (the
// simulate one: its flow chart alone).
const shots = [
  ['simulate', 'flow', 'simulate-command'], // the flow of how calls end, alone
  ['compare', 'difference', 'compare-command'], // from the top: summary and the difference
  ['forecast', 'fan', 'forecast-911'], // from the top: summary, key figures and the fan chart
  ['audit', 'heatmap', 'audit-bank'], // from the top: summary, key figures, offered calls heatmap
];
const browser = await chromium.launch({
  executablePath: process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
for (const [name, chart, source] of shots) {
  await page.goto(pathToFileURL(resolve(`test-output/${source}-report.html`)).href);
  const figure = page.locator(`figure.chart[data-chart="${chart}"]`).first();
  const box = await figure.boundingBox();
  if (!box) throw new Error(`${name}: chart ${chart} not found`);
  let y = 0;
  if (name === 'simulate') y = box.y - 8;
  await page.screenshot({
    path: `docs/images/report-${name}.png`,
    clip: { x: 0, y, width: 1000, height: box.y + box.height + 8 - y },
    fullPage: true,
  });
}
await browser.close();
