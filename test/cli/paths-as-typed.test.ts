import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// QA F-usage-3: a file the user names is quoted as typed, not as the absolute path the command
// reads (`/tmp/…/sb/scenarios/baselin.yaml`); a CSV file a scenario names, as the scenario
// writes it. The commands run with the project as working directory.
const root = new URL('../..', import.meta.url).pathname;

async function run(...argv: string[]) {
  const io = bufferIo(root);
  const code = await main(argv, io);
  return { code, err: io.err };
}

describe('paths in messages are the paths as typed', () => {
  it.each([
    [
      ['simulate', 'scenarios/baselin.yaml'],
      'switchboard: scenario: expected a readable scenario file, received "scenarios/baselin.yaml" (no such file)\n',
    ],
    [
      ['compare', 'scenarios/baselin.yaml#warm-transfers'],
      'switchboard: scenario: expected a readable scenario file, received "scenarios/baselin.yaml" (no such file)\n',
    ],
    [
      ['roster', './scenarios/nope.yaml'],
      'switchboard: scenario: expected a readable scenario file, received "./scenarios/nope.yaml" (no such file)\n',
    ],
    [
      ['forecast', '--history', 'nope/history.csv', '--timezone', 'UTC', '--horizon', '1d'],
      'switchboard: --history: expected a readable file, received "nope/history.csv" (no such file)\n',
    ],
  ])('%j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toBe(message);
  });

  it('names a bad scenario, its variant and the CSV files it names as written', async () => {
    const values = await run('simulate', 'docs/examples/bad-values.yaml');
    expect(values.err).toMatch(/^switchboard: docs\/examples\/bad-values\.yaml: 3 problems\n/);
    const profile = await run('simulate', 'docs/examples/bad-profile.yaml');
    expect(profile.err).toContain('  arrivals.intradayProfile (bad-profile.csv) line 4, column 1');
    const forecast = await run('simulate', 'docs/examples/bad-forecast.yaml');
    expect(forecast.err).toMatch(
      /^switchboard: docs\/examples\/bad-forecast\.yaml: arrivals\.forecast \(bad-forecast\.csv\) line 6:/,
    );
    const variant = await run('simulate', 'scenarios/baseline.yaml', '--variant', 'warm-transfer');
    expect(variant.err).toMatch(
      /^switchboard: scenarios\/baseline\.yaml: variants: expected the name of a variant .*\(did you mean "warm-transfers"\?\)/,
    );
    for (const { err } of [values, profile, forecast, variant]) expect(err).not.toContain(root);
  });

  it('a variant named twice (file.yaml#a --variant b) is said so, not "no such file" (QA F-hash-variant)', async () => {
    const { code, err } = await run(
      'simulate',
      'scenarios/baseline.yaml#stop-voicemail-messages',
      '--variant',
      'warm-transfers',
    );
    expect(code).toBe(2);
    expect(err).toBe(
      'switchboard: --variant: expected one variant: in the path (file.yaml#name) or with --variant, received "warm-transfers" and "#stop-voicemail-messages" in the scenario path\n',
    );
  });
});
