/**
 * The pages the browser test opens: a name, a builder with realistic synthetic input, and the
 * kinds of chart the page must hold (from issue 8's list of what each report shows).
 */

import type { ReportDocument } from '../../src/report/document.js';
import { auditReport } from '../../src/report/pages/audit-report.js';
import { compareReport } from '../../src/report/pages/compare-report.js';
import { forecastReport } from '../../src/report/pages/forecast-report.js';
import { simulateReport } from '../../src/report/pages/simulate-report.js';
import {
  syntheticAuditInput,
  syntheticCompareInput,
  syntheticForecastInput,
  syntheticSimulateInput,
} from './fixtures.js';

/** [name, build, expected chart kinds]. */
export function browserPages(): [string, () => ReportDocument, string[]][] {
  return [
    [
      'simulate',
      () => simulateReport(syntheticSimulateInput()),
      [
        'interval-series',
        'interval-series',
        'interval-band',
        'interval-band',
        'flow',
        'histogram',
        'bar',
      ],
    ],
    [
      'compare',
      () => compareReport(syntheticCompareInput()),
      ['difference', 'scenario-overlay', 'scenario-overlay'],
    ],
    ['forecast', () => forecastReport(syntheticForecastInput()), ['fan', 'fan-multiples']],
    [
      'audit',
      () => auditReport(syntheticAuditInput()),
      ['heatmap', 'heatmap', 'bar', 'survival', 'bar'],
    ],
  ];
}
