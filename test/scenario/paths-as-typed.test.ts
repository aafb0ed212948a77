import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// docs/scenario-format.md: "a file is named as typed, and a CSV file a scenario names as the
// scenario writes it" (QA F-usage-3: absolute paths of the user's machine in messages). Each
// scenario below has one mistake; its message must name the files as written and never the
// absolute path of the directory the command ran in.
const root = new URL('../..', import.meta.url).pathname;
const starter = readFileSync(join(root, 'scenarios/small-hospital.yaml'), 'utf8');
const profile = readFileSync(join(root, 'scenarios/small-hospital-profile.csv'), 'utf8');
const forecastScenario = (file: string, more = '') => `name: From a forecast
calendar: { intervalMinutes: 30 }
arrivals: { forecast: ${file} }
reasons:
  results: { handleTime: { distribution: exponential, mean: 30s }, patience: { distribution: exponential, mean: 2m }, queue: main }
  wards: { handleTime: { distribution: exponential, mean: 30s }, patience: { distribution: exponential, mean: 2m }, queue: main }
queues:
  main: { operators: { default: [{ hours: '00:00-24:00', operators: 4 }] } }
${more}`;
const forecastRows = (reason: string) =>
  [
    'interval_start,reason,forecast,lower,upper',
    '2026-03-02T08:00:00+01:00,results,60,45,75',
    `2026-03-02T08:30:00+01:00,${reason},30,20,40`,
    '',
  ].join('\n');

function files(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-typed-'));
  mkdirSync(join(dir, 'sub'));
  const write = (name: string, text: string) => writeFileSync(join(dir, 'sub', name), text);
  const profileOf = (name: string) =>
    starter.replace('intradayProfile: small-hospital-profile.csv', `intradayProfile: ${name}`);
  write('profile.csv', profile);
  write('zero.csv', 'interval_start,calls\n08:00,0\n');
  write('bad-rows.csv', 'interval_start,calls\n08:15,3\n');
  write('missing-profile.yaml', profileOf('missing.csv'));
  write('zero-profile.yaml', profileOf('zero.csv'));
  write(
    'reason-profile.yaml',
    profileOf('profile.csv').replace(
      /^( {2}appointments:.*)$/m,
      '$1\n    intradayProfile: bad-rows.csv',
    ),
  );
  write('good.csv', forecastRows('wards'));
  write('bad.csv', forecastRows('wrads'));
  write('missing-forecast.yaml', forecastScenario('nofile.csv'));
  write('forecast.yaml', forecastScenario('good.csv'));
  write(
    'variant-forecast.yaml',
    forecastScenario('good.csv', 'variants:\n  other: { arrivals: { forecast: bad.csv } }\n'),
  );
  write('syntax.yaml', 'name: [\n');
  return dir;
}

describe('scenario messages name files as typed', () => {
  it('never show the absolute path of the directory; they name the file as written', async () => {
    const dir = files();
    const cases: [string[], string][] = [
      [
        ['simulate', 'sub/nope.yaml'],
        'scenario: expected a readable scenario file, received "sub/nope.yaml" (no such file)',
      ],
      [['simulate', 'sub/syntax.yaml'], 'sub/syntax.yaml: line 2'],
      [
        ['simulate', 'sub/missing-profile.yaml'],
        'sub/missing-profile.yaml: arrivals.intradayProfile (missing.csv): expected a readable CSV file with the columns interval_start,calls[,weekday], received "missing.csv" (no such file)',
      ],
      [
        ['simulate', 'sub/zero-profile.yaml'],
        'arrivals.intradayProfile (zero.csv).default: expected interval weights (counts or shares) with a positive total',
      ],
      [
        ['simulate', './sub/reason-profile.yaml'],
        './sub/reason-profile.yaml: reasons.appointments.intradayProfile (bad-rows.csv) line 2, column 1 (interval_start)',
      ],
      [
        ['simulate', 'sub/missing-forecast.yaml'],
        'arrivals.forecast: expected a readable forecast CSV (interval_start,reason,forecast,lower,upper), received "nofile.csv" (no such file)',
      ],
      [
        ['compare', 'sub/variant-forecast.yaml'],
        'sub/variant-forecast.yaml: variants.other → arrivals.forecast (bad.csv) line 3: expected a reason defined in reasons (results, wards), received "wrads"',
      ],
      // A sweep recompiles the document, which names the forecast by its absolute path.
      [
        ['sweep', 'sub/forecast.yaml', '--vary', 'calendar.intervalMinutes=60,30', '--days', '1'],
        '--vary calendar.intervalMinutes=60: expected arrivals.forecast (good.csv) line 3: an interval start on the 60-minute grid',
      ],
    ];
    for (const [argv, fragment] of cases) {
      const io = bufferIo(dir);
      const code = await main(argv, io);
      expect(io.err, argv.join(' ')).toContain(fragment);
      expect(io.err, argv.join(' ')).not.toContain(dir);
      expect(io.err, argv.join(' ')).not.toContain(realpathSync(dir));
      expect(code).toBe(2);
    }
  });
});
