/**
 * The HTML file stands alone: no script, no external resource, a Content-Security-Policy that
 * forbids fetching anything, every chart inlined as SVG drawn by Vega; text is escaped; a faulty
 * chart spec fails loudly; files are written whole or not at all; a week's simulation report
 * stays under the 2 MB of issue 8.
 */

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors.js';
import { renderChartSvg } from '../../src/report/chart-svg.js';
import { barChart } from '../../src/report/charts/bar-chart.js';
import { survivalChart, survivalMedian } from '../../src/report/charts/survival-chart.js';
import type { ReportDocument } from '../../src/report/document.js';
import { reportCharts } from '../../src/report/document.js';
import { simulateReport } from '../../src/report/pages/simulate-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { resolveReportPath } from '../../src/report/report-option.js';
import { writeFileAtomic, writeReport } from '../../src/report/write-report.js';
import { syntheticSimulateInput } from './fixtures.js';

const tiny: ReportDocument = {
  title: 'Calls <script>alert(1)</script> & co',
  summary: ['First sentence.', 'Second "quoted" sentence.'],
  sections: [
    {
      heading: 'Only section',
      blocks: [
        barChart(
          [
            { label: 'answered', value: 80 },
            { label: 'lost', value: 20, kind: 'bad' },
          ],
          { title: 'Outcomes', xTitle: 'calls' },
        ),
        { kind: 'note', text: 'a < b' },
      ],
    },
  ],
};

describe('renderReportHtml', () => {
  it('writes one self-contained page: no script, no external URL, a strict CSP', async () => {
    const html = await renderReportHtml(tiny);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|@import|url\(\s*['"]?https?:/i);
    // The only absolute URLs allowed are XML namespace names, which are never fetched.
    const urls = html.match(/https?:\/\/[^\s"')]+/g) ?? [];
    for (const url of urls) expect(url).toMatch(/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/);
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).toContain('a &lt; b');
    expect(html.match(/<svg[^>]*class="marks"/g)).toHaveLength(1);
    expect(html).toContain('id="sb-hatch"');
  });

  it('fails loudly on a faulty chart spec instead of shipping an empty chart', async () => {
    await expect(
      renderChartSvg({
        data: { values: [{ a: 1 }] },
        mark: 'bar',
        encoding: { x: { field: 'a', type: 'quantitative', scale: { type: 'band' } } },
      } as never),
    ).rejects.toThrow(/renderChartSvg/);
  });
});

describe('survival median', () => {
  it('is the first time the step curve reaches 0.5 or below', () => {
    // R: summary(survfit(Surv(c(1,2,3,4,5), rep(1,5)) ~ 1)) gives S = .8 .6 .4 .2 0 and
    // print() reports median 3 (survival package, "median" = smallest t with S(t) <= 0.5).
    const curve = [0, 1, 2, 3, 4, 5].map((t, i) => ({ seconds: t, survival: 1 - i * 0.2 }));
    expect(survivalMedian(curve)).toBe(3);
    expect(survivalMedian(curve.slice(0, 3))).toBeUndefined();
    expect(survivalChart(curve, { title: 'Patience' }).description).toContain('by 3 s');
  });
});

describe('writeReport', () => {
  it('writes the file whole, and leaves the previous one intact when rendering fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-report-'));
    const path = join(dir, 'report.html');
    const bytes = await writeReport(path, tiny);
    expect(readFileSync(path).length).toBe(bytes);
    writeFileSync(path, 'previous report');
    const broken: ReportDocument = {
      ...tiny,
      sections: [
        {
          heading: 'x',
          blocks: [{ ...reportCharts(tiny)[0]!, spec: { mark: 'nonsense' } as never }],
        },
      ],
    };
    await expect(writeReport(path, broken)).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('previous report');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('reports an unwritable destination as a RunError and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-report-'));
    await expect(writeFileAtomic(join(dir, 'missing', 'r.html'), 'x')).rejects.toBeInstanceOf(
      RunError,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a week of simulation', () => {
  it('renders under 2 MB with every chart inlined', async () => {
    const document = simulateReport(syntheticSimulateInput(7));
    const html = await renderReportHtml(document);
    const bytes = Buffer.byteLength(html);
    console.info(
      `simulate report for 7 days: ${(bytes / 1024).toFixed(0)} KiB, ${reportCharts(document).length} charts`,
    );
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
    expect(html.match(/<svg[^>]*class="marks"/g)).toHaveLength(reportCharts(document).length);
  });
});

describe('resolveReportPath (--report)', () => {
  it('resolves against the working directory and refuses bad paths before any work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-report-'));
    expect(resolveReportPath(undefined, dir)).toBeUndefined();
    expect(resolveReportPath('r.html', dir)).toBe(join(dir, 'r.html'));
    expect(() => resolveReportPath('r.pdf', dir)).toThrow(
      '--report: expected a file name ending in .html, received "r.pdf" (e.g. --report report.html)',
    );
    expect(() => resolveReportPath('missing/r.html', dir)).toThrow(
      /--report: expected a file in an existing directory/,
    );
  });
});

describe('ids inside charts', () => {
  it('are prefixed per chart, references included, so inlined charts never share one', async () => {
    // A clipped mark makes Vega define a clipPath with an id and refer to it with url(#…).
    const spec = {
      data: { values: [{ a: 1, b: 2 }] },
      mark: { type: 'point', clip: true },
      encoding: {
        x: { field: 'a', type: 'quantitative', scale: { domain: [0, 0.5] } },
        y: { field: 'b', type: 'quantitative' },
      },
    } as never;
    const one = await renderChartSvg(spec, { idPrefix: 'chart-1' });
    const two = await renderChartSvg(spec, { idPrefix: 'chart-2' });
    const idsOf = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(idsOf(one).length).toBeGreaterThan(0);
    for (const id of idsOf(one)) {
      expect(id.startsWith('chart-1-')).toBe(true);
      expect(one).toContain(`url(#${id})`);
    }
    expect(idsOf(two).some((id) => idsOf(one).includes(id))).toBe(false);
  });
});
