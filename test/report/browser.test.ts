/// <reference lib="dom" />
/**
 * Every report page opened in a real browser: Debian's chromium driven by playwright-core (no
 * browser download). For each page builder with realistic synthetic input: no console errors,
 * no network request of any kind, every chart present as a non-empty SVG holding the marks its
 * kind must draw, no horizontal overflow at A4 width, and a PDF printed on A4. Screenshots and
 * the HTML go to test-output/ (gitignored); SWITCHBOARD_REPORT_SHOTS=1 adds one per chart and a
 * greyscale page. Skipped with a notice when chromium is absent.
 *
 * The expected marks below are written from what each chart must show (issue 8), not read from
 * the code: a band is an area, a series a line, a target a rule with a text label…
 */

import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/report/document.js';
import { writeReport } from '../../src/report/write-report.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { browserPages, commandPages } from './browser-pages.js';

const CHROMIUM = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present)
  console.warn(`notice: ${CHROMIUM} is absent; the browser tests of the HTML reports are skipped`);

const OUTPUT = resolve('test-output');
const SCREENSHOTS = join(OUTPUT, 'screenshots');
const A4_WIDTH_PX = 794; // 210 mm at 96 px per inch
/** One screenshot per chart and a greyscale page too (for docs/images and checking by eye). */
const EXTRA_SHOTS = process.env.SWITCHBOARD_REPORT_SHOTS === '1';

/** Marks (Vega SVG classes `mark-<type>`) each kind of chart must contain, non-empty. */
const EXPECTED_MARKS: Record<string, string[]> = {
  'interval-series': ['line'],
  'interval-band': ['area', 'line', 'rule'],
  'scenario-overlay': ['area', 'line'],
  fan: ['area', 'line', 'rule'],
  'fan-multiples': ['area', 'line'],
  histogram: ['rect', 'rule', 'text'],
  heatmap: ['rect', 'text'],
  survival: ['line', 'rule', 'text'],
  difference: ['rect', 'rule'], // Vega-Lite draws ticks as rects
  bar: ['rect', 'text'],
  flow: ['area', 'rect', 'text'],
};

describe.skipIf(!present)('HTML reports in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'switchboard-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1100, height: 900 },
    });
    // A hang guard for every page action (Playwright's default is 30 s): a page loads in about
    // a second, but CI shares 2 cores with other work.
    context.setDefaultTimeout(120_000);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Open `file` and check it: charts, marks, structure, print, no error, no request. */
  async function inspect(name: string, file: string, expectedCharts: readonly string[]) {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const marks: Record<string, number> = {};
        for (const g of Array.from(f.querySelectorAll('g[class*="mark-"]'))) {
          const type = /mark-(\w+)/.exec(g.getAttribute('class') ?? '')?.[1];
          if (type) marks[type] = (marks[type] ?? 0) + g.children.length;
        }
        return {
          kind: f.getAttribute('data-chart') ?? '',
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks,
        };
      }),
    );
    expect(charts.map((c) => c.kind).sort()).toEqual([...expectedCharts].sort());
    for (const chart of charts) {
      expect(chart.width, `${chart.kind} width`).toBeGreaterThan(100);
      expect(chart.height, `${chart.kind} height`).toBeGreaterThan(50);
      for (const mark of EXPECTED_MARKS[chart.kind] ?? ['missing expectation'])
        expect(chart.marks[mark] ?? 0, `${chart.kind} has ${mark} marks`).toBeGreaterThan(0);
    }
    // Flow charts: no node label overlaps another, as rendered with real fonts. (A label may
    // cross a band or, in a crowded chart, a node: its white halo keeps it readable.)
    const flowLabelClashes = await page.$$eval('figure.chart[data-chart="flow"]', (figures) =>
      figures.flatMap((f) => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent ?? '', x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
        };
        type Box = ReturnType<typeof box>;
        const clash = (a: Box, b: Box) =>
          Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 &&
          Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5;
        // The labels themselves, not their white halos.
        const labels = Array.from(f.querySelectorAll('g.mark-text text'))
          .filter((t) => t.getAttribute('fill') !== 'white')
          .map(box);
        const found: string[] = [];
        labels.forEach((a, i) => {
          for (const b of labels.slice(i + 1)) if (clash(a, b)) found.push(`${a.text} × ${b.text}`);
        });
        return labels.length > 0 ? found : ['no labels found'];
      }),
    );
    expect(flowLabelClashes, 'flow chart labels clear of each other').toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    if (EXTRA_SHOTS) {
      const figures = await page.$$('figure.chart');
      for (const [i, figure] of figures.entries())
        await figure.screenshot({ path: join(SCREENSHOTS, `${name}-chart-${i + 1}.png`) });
    }

    // Accessible structure: one h1, every chart an image with a name and a description,
    // every table with a caption and column headers, the page's language declared.
    const structure = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      unnamedCharts: Array.from(document.querySelectorAll('figure.chart svg.marks')).filter(
        (svg) => svg.getAttribute('role') !== 'img' || !svg.getAttribute('aria-label'),
      ).length,
      undescribedFigures: Array.from(document.querySelectorAll('figure.chart')).filter(
        (f) => !document.getElementById(f.getAttribute('aria-describedby') ?? '')?.textContent,
      ).length,
      duplicateIds: (() => {
        const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
        return ids.length - new Set(ids).size;
      })(),
      tablesWithoutCaption: Array.from(document.querySelectorAll('table')).filter(
        (t) => !t.querySelector('caption') || !t.querySelector('thead th[scope="col"]'),
      ).length,
    }));
    expect(structure).toEqual({
      lang: 'en',
      h1: 1,
      unnamedCharts: 0,
      undescribedFigures: 0,
      duplicateIds: 0,
      tablesWithoutCaption: 0,
    });
    if (EXTRA_SHOTS) {
      // A greyscale rendering, to check by eye that nothing relies on colour alone.
      await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-greyscale.png`), fullPage: true });
    }

    await page.setViewportSize({ width: A4_WIDTH_PX, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow, 'no horizontal overflow at A4 width in print').toBeLessThanOrEqual(
      A4_WIDTH_PX,
    );
    const pdf = join(OUTPUT, `${name}-report.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-print.png`), fullPage: false });

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }

  for (const [name, build, expectedCharts] of browserPages()) {
    it(`${name}: renders every chart, offline, without errors`, async () => {
      const report: ReportDocument = build();
      const file = join(OUTPUT, `${name}-report.html`);
      await writeReport(file, report);
      await inspect(name, file, expectedCharts);
    });
  }

  for (const [name, args, expectedCharts] of commandPages()) {
    it.skipIf(!args)(
      `${name}: the real command's report renders, offline, without errors`,
      async () => {
        const file = join(OUTPUT, `${name}-report.html`);
        const io = bufferIo();
        expect(await main([...args!, '--report', file], io), io.err).toBe(0);
        await inspect(name, file, expectedCharts);
      },
    );
  }
});
