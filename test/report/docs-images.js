// Make the README's screenshots (docs/images/report-*.png) from the pages the browser test
// wrote under test-output/. Run after `npx vitest run test/report/browser.test.ts`:
//   node test/report/docs-images.js
// Each image is the top of a report down to the bottom of one chart (the simulate one: its
// "Paths and waits" section, from the flow chart to the attempts-per-need chart), 1000 px wide.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

// [image name, chart, report page under test-output/]. The audit and forecast images come from
// the real commands (the browser test's `audit-bank` page: the Anonymous Bank 1999 records;
// `forecast-911`: the Montgomery County 911 series; `simulate-command`, `compare-command`:
// scenarios/baseline.yaml). Each image runs from the top of the page to the chart named (the
// simulate one: its "Paths and waits" section).
const shots = [
  ['simulate', 'bar', 'simulate-command'], // the call path, wait histogram and attempts per need
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
  if (name === 'simulate') {
    const flow = await page.locator('figure.chart[data-chart="flow"]').first().boundingBox();
    if (!flow) throw new Error('simulate: flow chart not found');
    y = flow.y - 8;
    // The histogram beside the bar chart is taller: run to the lower of the two.
    const histogram = await page.locator('figure.chart[data-chart="histogram"]').boundingBox();
    if (histogram) box.height = Math.max(box.height, histogram.y + histogram.height - box.y);
  }
  await page.screenshot({
    path: `docs/images/report-${name}.png`,
    clip: { x: 0, y, width: 1000, height: box.y + box.height + 8 - y },
    fullPage: true,
  });
}
await browser.close();
