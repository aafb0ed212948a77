import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showControlCharacters } from '../../src/io/control-characters.js';
import { type CliResult, expectHandled, fuzzHarness } from './fuzz-harness.js';
import { expectSafe, filesUnder } from './output-checks.js';
import {
  changeDraw,
  compiles,
  type Doc,
  extremeScenario,
  scenarioText,
  shippedScenarios,
} from './scenario-extremes.js';

// Issue 15's fuzz, past the validator: fuzz-structure.test.ts breaks scenarios at random, so
// few of its cases reach the simulator. Here the shipped scenarios are changed WITHIN the format
// (scenario-extremes.ts: hostile names of up to 10,000 characters, numbers at their documented
// bounds, no operators, no calls, one-minute opening hours, endless patience, every transfer
// bouncing back, callbacks everyone accepts, menus 64 levels deep, 200 extra reasons, every
// variant), and every run must keep the model's laws (docs/simulate.md: every call offered ends
// in one outcome or is still in the system; every need is resolved, unresolved or open; every
// queue entry is answered, abandoned, a callback or still waiting), write no NaN or Infinity,
// escape names in every output (output-checks.ts) and give the same bytes for the same seed,
// whatever the thread count.
// fuzz-one-mistake.test.ts breaks such files in exactly one place.
// Seeded by test/fast-check-seed.ts (FC_SEED=<n> explores other cases).

const { dir, file, run } = fuzzHarness('hostile-valid');
copyFileSync('scenarios/small-hospital-profile.csv', join(dir, 'small-hospital-profile.csv'));
const BASES = shippedScenarios();

type Estimate = { mean: number | null } | undefined;
type Row = Record<string, Estimate | string | number | null>;
const mean = (row: Row, key: string): number => {
  const value = (row[key] as Estimate)?.mean;
  expect(value, `${key}: a finite count`).toEqual(expect.any(Number));
  return value as number;
};

/**
 * The laws of docs/simulate.md on one replication's summary (the mean of one replication is its
 * value): every call offered ends in exactly one outcome or is in the system at the end; every
 * need is resolved, unresolved or open; every queue entry answered, abandoned, a callback or
 * still waiting; a reason's calls add up to the calls offered; each transfer has one outcome.
 */
function expectLaws(summary: Record<string, unknown>) {
  const o = summary.overall as Row;
  const outcomes = [
    'busy',
    'closed',
    'ivrAbandoned',
    'ivrResolved',
    'abandoned',
    'callbackAccepted',
    'completed',
    'transferFailed',
    'inSystemAtEnd',
  ].reduce((sum, key) => sum + mean(o, key), 0);
  expect(outcomes, 'offered = the sum of the call outcomes').toBe(mean(o, 'offered'));
  expect(mean(o, 'inSystemAtEnd')).toBeGreaterThanOrEqual(0);
  expect(mean(o, 'answered')).toBeLessThanOrEqual(mean(o, 'offered'));
  const needs = summary.needs as Row;
  expect(mean(needs, 'needs'), 'needs = resolved + unresolved + open').toBe(
    mean(needs, 'resolved') + mean(needs, 'unresolved') + mean(needs, 'openAtEnd'),
  );
  for (const q of summary.byQueue as Row[])
    expect(mean(q, 'entries'), `entries of queue ${String(q.queue)}`).toBe(
      mean(q, 'answered') +
        mean(q, 'abandoned') +
        mean(q, 'callbackAccepted') +
        mean(q, 'waitingAtEnd'),
    );
  const reasons = summary.byReason as Row[];
  expect(reasons.reduce((s, r) => s + mean(r, 'offered'), 0)).toBe(mean(o, 'offered'));
  for (const r of reasons) expect(mean(r, 'answered')).toBeLessThanOrEqual(mean(r, 'offered'));
  const p = summary.paths as Row;
  const sum = (...keys: string[]) => keys.reduce((s, k) => s + mean(p, k), 0);
  expect(mean(o, 'wildTransfers')).toBe(
    sum('wildAnswered', 'wildVoicemail', 'wildBouncedBack', 'wildLost', 'wildInFlightAtEnd'),
  );
  expect(mean(o, 'warmTransfers')).toBe(sum('warmAnswered', 'warmTakenBack', 'warmInFlightAtEnd'));
  for (const key of ['serviceLevel', 'probabilityAbandon', 'probabilityBusy', 'occupancy']) {
    const share = (o[key] as Estimate)?.mean;
    if (share !== null && share !== undefined) {
      expect(share, key).toBeGreaterThanOrEqual(0);
      expect(share, key).toBeLessThanOrEqual(1 + 1e-12);
    }
  }
}

/** NaN or Infinity written as a word where a number belongs (names are blanked out first). */
function expectNoNonFinite(text: string, names: string[], where: string) {
  if (!/\b(NaN|Infinity)\b/.test(text)) return;
  let rest = text;
  for (const name of names) rest = rest.split(name).join('');
  expect(rest, `NaN or Infinity in ${where}`).not.toMatch(/\b(NaN|-?Infinity)\b/);
}

/** Every name a scenario holds, as the outputs show them. */
function namesOf(doc: Doc): string[] {
  const names = new Set<string>([String(doc.name), String(doc.description ?? '')]);
  for (const section of ['queues', 'reasons', 'services', 'variants', 'callerGroups'])
    for (const name of Object.keys((doc[section] as Doc | undefined) ?? {})) names.add(name);
  return [...names].map(showControlCharacters).sort((a, b) => b.length - a.length);
}

const fingerprint = (result: CliResult, out: string, log: string) =>
  [result.out, ...filesUnder(out).map((f) => `${f.path.slice(out.length)}\n${f.text}`)]
    .concat(readFileSync(log, 'utf8'))
    .join('\n\0\n');

describe('valid extreme scenarios reach the simulator', () => {
  it('simulate runs them, keeps its laws, escapes every output and repeats itself', async () => {
    const count = { generated: 0, valid: 0, simulated: 0 };
    const refused: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(1),
        fc.array(changeDraw, { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(100), { freq: 2 }),
        fc.nat(1_000_000),
        async (b, changes, variantPick, seed) => {
          const doc = extremeScenario(BASES[b]!, changes);
          const k = ++count.generated;
          if (compiles(doc, dir)) count.valid++;
          const path = file(scenarioText(doc, seed % 2 === 0), 'yaml');
          const variants = Object.keys((doc.variants as Doc | undefined) ?? {});
          const variant =
            variantPick === null || variants.length === 0
              ? []
              : [`--variant=${variants[variantPick % variants.length]!}`];
          const run1 = ['--days', '1', '--seed', String(seed), ...variant];
          const flags = [...run1, '--replications', '1'];
          // Every case: --json and --out. Outputs that cost more take turns: the queue_log and
          // a second run compared byte for byte (every 3rd case), the text (every 2nd), a page
          // (every 30th: a page costs more than the rest of a run).
          const out = join(dir, `out-${k}`);
          const log = k % 3 === 0 ? [join(dir, `log-${k}`)] : [];
          const page = k % 30 === 1 ? [join(dir, `page-${k}.html`)] : [];
          const files = (o: string, l: string[], p: string[] = []) => [
            ...['--out', o],
            ...l.flatMap((x) => ['--queue-log', x]),
            ...p.flatMap((x) => ['--report', x]),
          ];
          const simulated = await run([
            'simulate',
            path,
            ...flags,
            '--json',
            ...files(out, log, page),
          ]);
          expectHandled(simulated);
          if (simulated.code !== 0) {
            refused.push(simulated.err.split('\n').slice(0, 3).join(' / ').slice(0, 400));
            return;
          }
          count.simulated++;
          expectLaws(JSON.parse(simulated.out) as Record<string, unknown>);
          const text = k % 2 === 0 ? await run(['simulate', path, ...flags]) : undefined;
          if (text) expect(text.code, text.err).toBe(0);
          const streams = [simulated.out, simulated.err, text?.out ?? '', text?.err ?? ''];
          expectSafe(streams, [out, ...log, ...page]);
          const names = namesOf(doc);
          expectNoNonFinite(text?.out ?? '', names, 'the text');
          for (const f of filesUnder(out)) expectNoNonFinite(f.text, names, f.path);
          for (const html of page) {
            const written = readFileSync(html, 'utf8');
            for (const name of names.filter((n) => n.includes('<')))
              expect(written, 'a name with markup written raw into the page').not.toContain(name);
          }
          // Same results whatever the thread count (every 20th case: threads cost a start-up).
          if (k % 20 === 5) {
            const two = [...run1, '--replications', '2', '--json'];
            const threaded = await run(['simulate', path, ...two, '--threads', '2']);
            const single = await run(['simulate', path, ...two, '--threads', '1']);
            expect(threaded.code, threaded.err).toBe(0);
            expect(threaded.out).toBe(single.out);
          }
          // Same seed, same bytes: the JSON, every --out file and the queue_log.
          if (log.length > 0) {
            const again = await run([
              'simulate',
              path,
              ...flags,
              '--json',
              ...files(`${out}-again`, [`${log[0]!}-again`]),
            ]);
            expect(again.code, again.err).toBe(0);
            expect(fingerprint(again, `${out}-again`, `${log[0]!}-again`)).toBe(
              fingerprint(simulated, out, log[0]!),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
    console.log(
      `valid extremes: ${count.generated} generated, ${count.valid} valid, ${count.simulated} reached the simulator`,
    );
    for (const message of refused) console.log(`  refused: ${message}`);
    expect(count.simulated / count.generated).toBeGreaterThanOrEqual(0.8);
  });
});
