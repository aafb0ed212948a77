import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../src/errors.js';
import { readScenarioDocument } from '../../src/scenario/load-scenario.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';

// One problem per fault written in the file (README, "Untrusted input": a file with several
// problems gets a count line, then one line per problem). The baseline's `main` roster has a
// `default` list, used on the six days other than Monday, and each variant may patch it.
const baselinePath = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;
type Tree = any;
const baseline = (): Tree => readScenarioDocument(readFileSync(baselinePath, 'utf8'), baselinePath);

function problemsOf(document: unknown): readonly InputProblem[] {
  try {
    parseScenario(document, { file: 'x.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems;
  }
  throw new Error('expected an InputError');
}

describe('one problem per fault', () => {
  it('an overlapping roster step in `default` is one problem naming the steps it overlaps', () => {
    const doc = baseline();
    doc.queues.main.operators.default[0].hours = '00:00-08:30'; // was 00:00-07:00
    const problems = problemsOf(doc);
    expect(problems).toEqual([
      {
        path: 'queues.main.operators.default[0].hours',
        expected:
          'a step ending by 07:00, when default[1] 07:00-08:00 starts (roster steps must not overlap; it also overlaps default[2] 08:00-10:00)',
        received: '"00:00-08:30"',
      },
    ]);
  });

  it('a step overlapping only its neighbour names that neighbour, in either time-range syntax', () => {
    const doc = baseline();
    doc.queues.main.operators.monday[2] = { from: '08:00', to: '10:30', operators: 9 };
    const problems = problemsOf(doc);
    expect(
      problems.map((p) => `${p.path}: expected ${p.expected}, received ${p.received}`),
    ).toEqual([
      'queues.main.operators.monday[2].from: expected a step ending by 10:00, when monday[3] 10:00-12:00 starts (roster steps must not overlap), received "08:00-10:30"',
    ]);
  });

  it("a variant's own copy of the fault is named under the variant; the base's fault is not repeated", () => {
    const doc = baseline();
    doc.queues.main.operators.default[0].hours = '00:00-08:30';
    // pool-extra-operator writes its own `default` list: the same typo there is a second fault.
    doc.variants['pool-extra-operator'].queues.main.operators.default[0].hours = '00:00-08:30';
    const paths = problemsOf(doc).map((p) => p.path);
    expect(paths).toEqual([
      'queues.main.operators.default[0].hours',
      'variants.pool-extra-operator → queues.main.operators.default[0].hours',
    ]);
  });

  it('an off-grid interval in the default intraday profile is one problem, not one per weekday', () => {
    const doc = baseline();
    doc.arrivals.intradayProfile.default['07:10'] = 0.01;
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.path)).toEqual(['arrivals.intradayProfile.default.07:10']);
  });
});
