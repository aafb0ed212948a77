/**
 * The pages the browser test opens: a name, a builder with realistic synthetic input, and the
 * kinds of chart the page must hold (from issue 8's list of what each report shows).
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import seedrandom from 'seedrandom';
import { syntheticQueueLog } from '../../src/audit/synthetic-queue-log.js';
import type { ReportDocument } from '../../src/report/document.js';
import { sharedData } from '../shared-data.js';
import { writeHistory } from './synthetic-history.js';
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
      ['heatmap', 'heatmap', 'bar', 'bar', 'survival', 'bar'],
    ],
  ];
}

/**
 * The charts of an audit report made by the real command on queue_log records: offered,
 * abandonment, service level, agents seen and the calibrated operators by weekday and hour, then
 * callers, patience and transfers.
 */
const AUDIT_CHARTS = [
  'heatmap',
  'heatmap',
  'heatmap',
  'heatmap',
  'heatmap',
  'bar',
  'bar',
  'survival',
  'bar',
];
/** The charts of a forecast report with reasons: the total's fan chart and one panel per reason. */
const FORECAST_CHARTS = ['fan', 'fan-multiples'];

/**
 * Reports made by the real commands: [name, argv without --report (undefined when its data is
 * absent), expected chart kinds]. The synthetic queue_log (a week of Poisson arrivals, seeded)
 * needs nothing from ../shared; the real samples are three Asterisk queue_logs of
 * ../shared/data/logs, and the Anonymous Bank's 1999 per-call records (no transfers in them,
 * so no transfer chart) read through audit-maps/; forecasts of a seeded synthetic history and
 * of the Montgomery County 911 series; `simulate` and `compare` of scenarios/baseline.yaml (the
 * same charts as the synthetic pages: call path with the transfer split, wait histogram,
 * attempts per need; both scenarios' interval charts overlaid).
 */
export function commandPages(): [string, string[] | undefined, string[]][] {
  const dir = resolve('test-output');
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'week.queue_log');
  writeFileSync(
    log,
    syntheticQueueLog(
      { lines: 60_000, interarrivalSeconds: 40, callers: 4_000 },
      seedrandom('browser-audit'),
    ),
  );
  const samples = [
    'pbxware-realtime.csv',
    'malariapbx-realtime.sql',
    'asterisk2slack-fixture.queue_log',
  ].map((name) => sharedData(`logs/${name}`));
  const bank = sharedData('forecast/anonymous-bank-1999-calls.csv');
  const history = join(dir, 'history.csv');
  writeHistory(history);
  const montcoPath = sharedData('forecast/montco-911-30min-by-reason.csv');
  // As a user would type it from the repository (the page shows the path given).
  const montco = montcoPath && relative(process.cwd(), montcoPath);
  return [
    ['audit-command', ['audit', log, '--tz', 'Europe/Paris'], AUDIT_CHARTS],
    [
      'audit-samples',
      samples.every((s) => s !== undefined)
        ? ['audit', ...(samples as string[]), '--tz', 'America/Chicago']
        : undefined,
      [...AUDIT_CHARTS, 'bar'], // the SQL dump also holds a cdr table: CDR calls by outcome
    ],
    [
      'audit-bank',
      bank ? ['audit', bank, '--map', resolve('audit-maps/anonymous-bank-1999.yaml')] : undefined,
      AUDIT_CHARTS.slice(0, -1),
    ],
    ['forecast-command', ['forecast', '--history', history, '--horizon', '7d'], FORECAST_CHARTS],
    [
      'simulate-command',
      ['simulate', 'scenarios/baseline.yaml', '--days', '7', '--replications', '2'],
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
      'compare-command',
      [
        'compare',
        'scenarios/baseline.yaml',
        '--variant',
        'stop-voicemail-messages',
        '--days',
        '7',
        // Enough replications for verdicts (docs/images/report-compare.png is this page).
        '--replications',
        '5',
        '--threads',
        '2',
      ],
      ['difference', 'scenario-overlay', 'scenario-overlay'],
    ],
    [
      'forecast-911',
      montco
        ? ['forecast', '--history', montco, '--timezone', 'America/New_York', '--horizon', '7d']
        : undefined,
      FORECAST_CHARTS,
    ],
  ];
}
