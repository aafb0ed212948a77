import type { RosterStep } from '../scenario/scenario-types.js';

/**
 * A group's roster as a list of change points over the week: at `times[i]` (seconds since the
 * start of the horizon's first day, modulo a week) the group has `operators[i]` on the phones.
 * The model walks it with one event per change.
 */
export class RosterSchedule {
  /** Change points within a week, seconds from day 0 00:00, sorted. */
  readonly times: number[] = [];
  /** Operators from each change point on. */
  readonly operators: number[] = [];

  constructor(roster: readonly RosterStep[][], startWeekday: number) {
    let last = -1;
    for (let d = 0; d < 7; d++) {
      const steps = roster[(startWeekday + d) % 7]!;
      let t = d * 86400;
      const push = (time: number, n: number) => {
        if (n === last) return;
        this.times.push(time);
        this.operators.push(n);
        last = n;
      };
      for (const step of steps) {
        if (step.fromSeconds > t - d * 86400) push(t, 0);
        push(d * 86400 + step.fromSeconds, step.operators);
        t = d * 86400 + step.toSeconds;
      }
      if (t < (d + 1) * 86400) push(t, 0);
    }
    if (this.times.length === 0 || this.times[0] !== 0) {
      this.times.unshift(0);
      this.operators.unshift(
        this.operators.length > 0 ? this.operators[this.operators.length - 1]! : 0,
      );
    }
  }

  /** Operators on duty at time `t` (seconds since the start of the horizon). */
  operatorsAt(t: number): number {
    const week = 7 * 86400;
    const s = t % week;
    let i = 0;
    while (i + 1 < this.times.length && this.times[i + 1]! <= s) i++;
    return this.operators[i]!;
  }

  /** The next change point strictly after `t`, or Infinity if the roster never changes. */
  nextChange(t: number): number {
    if (this.times.length <= 1) return Number.POSITIVE_INFINITY;
    const week = 7 * 86400;
    const base = Math.floor(t / week) * week;
    const s = t - base;
    for (const time of this.times) if (time > s) return base + time;
    return base + week + this.times[0]!;
  }
}
