import { formatDuration } from '../units/duration.js';
import {
  modelHasLines,
  modelHasPatience,
  type StaffingEvaluation,
  type StaffingQuestion,
  type StaffingTargets,
} from '../staffing/staffing-question.js';
import { fixed, percentText } from '../units/fixed.js';

const MODEL_NAMES = {
  'erlang-c': 'Erlang C (M/M/c: callers never abandon)',
  'erlang-a': 'Erlang A (M/M/c+M: exponential patience)',
  'erlang-b': 'Erlang B (M/M/c/c: blocked calls lost)',
  'finite-lines': 'finite lines (M/M/c/K: busy signal beyond K lines)',
  'erlang-a-lines': 'M/M/c/K+M (finite lines and exponential patience)',
} as const;

/**
 * A staffing evaluation as the short table `switchboard staff` prints: one measure a line,
 * each with its definition, `—` where the model has no such measure, and an unbounded wait
 * spelled out (Erlang C with traffic ≥ operators). Cost O(1).
 */
export function formatStaffingTable(
  evaluation: StaffingEvaluation,
  question: Omit<StaffingQuestion, 'trafficErlangs'>,
  unmet?: readonly (keyof StaffingTargets)[],
): string {
  const e = evaluation;
  const percent = (value: number | null) => percentText(value, 2);
  const aht = question.handleTimeSeconds;
  const threshold = question.thresholdSeconds ?? 20;
  const overloaded = e.model === 'erlang-c' && e.asaSeconds === null;
  const unbounded = 'unbounded: traffic ≥ operators, the queue grows without limit';
  const wait = (value: number | null) =>
    value === null ? (overloaded ? unbounded : '—') : seconds(value);
  const lines: [string, string][] = [];
  let model: string = MODEL_NAMES[e.model];
  if (modelHasPatience(e.model))
    model += `, mean patience ${formatDuration(question.patienceSeconds ?? 0)}`;
  if (modelHasLines(e.model)) model += `, ${question.lines} lines`;
  if (e.model === 'erlang-b' && question.retryFraction) {
    model += `, ${fixed(100 * question.retryFraction, 0)} % of blocked calls retry`;
  }
  lines.push(['model', model]);
  const rate =
    aht === undefined
      ? ''
      : ` (${fixed((e.trafficErlangs * 3600) / aht, 1)} calls/h × ${formatDuration(aht)})`;
  lines.push(['traffic', `${round(e.trafficErlangs)} erlangs${rate}`]);
  const shrinkage = question.shrinkage ?? 0;
  lines.push([
    'operators',
    `${round(e.agents)} on the phones → ${e.positions} positions on the roster (shrinkage ${fixed(100 * shrinkage, 0)} %)`,
  ]);
  lines.push(['waiting', `${percent(e.probabilityWait)} of calls wait for an operator`]);
  lines.push([
    'service level',
    `${percent(e.serviceLevel)} of ALL offered calls answered within ${formatDuration(threshold)}`,
  ]);
  lines.push([
    'ASA',
    `${wait(e.asaSeconds)}${e.asaSeconds === null ? '' : ' mean wait of answered calls'}`,
  ]);
  lines.push([
    'mean wait',
    `${wait(e.meanWaitSeconds)}${e.meanWaitSeconds === null ? '' : ' mean time in queue, all offered calls'}`,
  ]);
  lines.push(['occupancy', `${percent(e.occupancy)} of operator time on calls`]);
  lines.push([
    'abandoned',
    e.probabilityAbandon === null
      ? '— (callers never hang up in this model)'
      : `${percent(e.probabilityAbandon)} of offered calls`,
  ]);
  lines.push([
    'blocked',
    e.probabilityBlocking === null
      ? '— (lines are unlimited in this model)'
      : `${percent(e.probabilityBlocking)} of offered calls get a busy signal`,
  ]);
  if (unmet !== undefined)
    lines.push(['targets', unmet.length === 0 ? 'all met' : `missed: ${unmet.join(', ')}`]);
  const width = Math.max(...lines.map(([label]) => label.length));
  return `${lines.map(([label, text]) => `${label.padEnd(width)}  ${text}`).join('\n')}\n`;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : fixed(value, 3);
}

function seconds(value: number): string {
  return value < 60 ? `${fixed(value, 1)} s` : `${formatDuration(value)}`;
}
