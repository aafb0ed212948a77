import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadScenario, readScenarioDocument } from '../../src/scenario/load-scenario.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';

const baselinePath = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;
// biome-ignore lint/suspicious/noExplicitAny: the tests poke into parsed YAML of any shape
type Tree = any;
const baseline = (): Tree => readScenarioDocument(readFileSync(baselinePath, 'utf8'), baselinePath);

function problemsOf(document: unknown): string {
  try {
    parseScenario(document, { file: 'x.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('targets:', () => {
  it('reads service level, threshold and abandonment; the threshold is the scenario’s one', () => {
    const scenario = loadScenario(baselinePath);
    expect(scenario.targets).toEqual({ serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 });
    expect(scenario.serviceLevelSeconds).toBe(20);
    const doc = baseline();
    doc.targets = { threshold: '30s' };
    const parsed = parseScenario(doc);
    expect(parsed.serviceLevelSeconds).toBe(30);
    expect(parsed.targets).toEqual({
      serviceLevel: undefined,
      thresholdSeconds: 30,
      maxAbandon: undefined,
    });
    delete doc.targets;
    expect(parseScenario(doc).targets).toBeUndefined();
  });

  it('rejects a second, different threshold and out-of-range targets', () => {
    const doc = baseline();
    doc.measures.serviceLevelTime = '20s';
    doc.targets = { serviceLevel: 1.2, threshold: '30s', maxAbandon: -0.1, sla: 1 };
    const message = problemsOf(doc);
    expect(message).toContain('targets.serviceLevel: expected a number ≤ 1');
    expect(message).toContain('targets.maxAbandon: expected a number ≥ 0');
    expect(message).toContain('targets.sla: expected no such field here');
    doc.targets = { threshold: '30s' };
    expect(problemsOf(doc)).toContain(
      'targets.threshold: expected the same threshold as measures.serviceLevelTime (20 s)',
    );
  });
});

describe('shifts:', () => {
  it('compiles the baseline templates onto its queue, breaks inside their windows', () => {
    const scenario = loadScenario(baselinePath);
    const early = scenario.shifts.find((t) => t.name === 'early')!;
    expect(early.queue).toBe(0);
    expect(early.startsSeconds[0]).toBe(6 * 3600);
    expect(early.lengthSeconds).toBe(8 * 3600);
    expect(early.breaks).toEqual([
      { lengthSeconds: 1800, windowFromSeconds: 10 * 3600, windowToSeconds: 13 * 3600, paid: true },
    ]);
    expect(early.costPerHour).toBe(32); // costs.operatorHour
    const peak = scenario.shifts.find((t) => t.name === 'peak')!;
    expect(peak.days).toEqual([true, true, true, true, true, false, false]);
    const night = scenario.shifts.find((t) => t.name === 'night')!;
    expect(night.min).toBe(1);
    expect(night.max).toBe(Number.POSITIVE_INFINITY);
  });

  it('reads a night break window past midnight as the next day', () => {
    const doc = baseline();
    doc.shifts.main[4].breaks = [{ length: '30m', between: '02:00-04:00' }];
    const night = parseScenario(doc).shifts[4]!;
    expect(night.breaks[0]).toMatchObject({
      windowFromSeconds: 26 * 3600,
      windowToSeconds: 28 * 3600,
    });
  });

  it('names every problem with its path: queue, grid, window, bounds, days', () => {
    const doc = baseline();
    doc.shifts.mian = [{ name: 'x', starts: ['08:00'], length: '8h' }];
    doc.shifts.main[0].starts = ['06:10', '07:00'];
    doc.shifts.main[1].breaks = [{ length: '30m', between: '19:00-20:00' }];
    doc.shifts.main[2].length = '25h';
    doc.shifts.main[3].min = 5;
    doc.shifts.main[3].max = 2;
    doc.shifts.main[5].days = ['munday'];
    doc.shifts.main.push({ name: 'early', starts: ['08:00'], length: '4h' });
    const message = problemsOf(doc);
    expect(message).toContain('shifts.mian: expected the name of a defined queue');
    expect(message).toContain('did you mean "main"?');
    expect(message).toContain(
      'shifts.main[0].starts[0]: expected a start on the 30-minute grid of calendar.intervalMinutes, received "06:10"',
    );
    expect(message).toContain(
      'shifts.main[1].breaks[0].between: expected a window holding the break inside the shift that starts at 08:30 (until 16:30), received "19:00-20:00"',
    );
    expect(message).toContain('shifts.main[2].length: expected a length from one interval to 24h');
    expect(message).toContain(
      'shifts.main[3].min: expected a minimum at most the maximum (2), received 5',
    );
    expect(message).toContain('shifts.main[5].days[0]: expected one of "monday"');
    expect(message).toContain('shifts.main[6].name: expected a template name not used before');
  });
});
