import type { Scenario } from '../scenario/scenario-types.js';

/**
 * Piecewise-constant arrival rates of each reason (calls per second, by day of the horizon and
 * interval of the day), and the inversion of their cumulative rate: the next arrival after `t`
 * of a non-homogeneous Poisson process, from one Exp(1) draw (Çinlar's time-change method). One
 * draw per arrival keeps the arrivals of two scenarios aligned (common random numbers).
 */
export class ArrivalClock {
  /** rates[reason][weekday * intervals + interval] (or [day * intervals + interval] from a forecast), calls per second. */
  private readonly rates: Float64Array[];
  private readonly intervals: number;
  private readonly intervalSeconds: number;

  constructor(
    scenario: Scenario,
    private readonly horizonSeconds: number,
  ) {
    this.intervals = Math.round(1440 / scenario.intervalMinutes);
    this.intervalSeconds = scenario.intervalMinutes * 60;
    this.startWeekday = scenario.startWeekday;
    const forecast = scenario.forecast;
    this.dated = forecast !== undefined;
    if (forecast) {
      // Dated rates from the forecast: day d of the horizon is day d of the forecast when the
      // start dates agree (the offset covers a calendar.startDate later than the forecast's),
      // scaled to new calls by arrivals.newCallShare (1: the rows are new calls already).
      const share = scenario.newCallShare;
      const offset =
        Math.round(
          (Date.parse(`${scenario.startDate}T00:00:00Z`) -
            Date.parse(`${forecast.startDate}T00:00:00Z`)) /
            86400000,
        ) * this.intervals;
      this.rates = forecast.calls.map((calls) => {
        const rates = new Float64Array(Math.max(0, calls.length - Math.max(0, offset)));
        for (let i = 0; i < rates.length; i++)
          rates[i] = (calls[i + Math.max(0, offset)]! * share) / this.intervalSeconds;
        return rates;
      });
      return;
    }
    this.rates = scenario.reasons.map((reason) => {
      const rates = new Float64Array(7 * this.intervals);
      for (let d = 0; d < 7; d++) {
        const profile = reason.intradayProfile?.[d] ?? scenario.intradayProfile[d]!;
        for (let k = 0; k < this.intervals; k++) {
          rates[d * this.intervals + k] =
            (scenario.callsPerDay[d]! * reason.share * profile[k]!) / this.intervalSeconds;
        }
      }
      return rates;
    });
  }

  private readonly startWeekday: number;

  private readonly dated: boolean;

  /** The rate of `reason` in the interval holding time `t` (calls per second). */
  rate(reason: number, t: number): number {
    const slot = Math.floor(t / this.intervalSeconds);
    if (this.dated) return this.rates[reason]![slot] ?? 0;
    const day = Math.floor(slot / this.intervals);
    const weekday = (this.startWeekday + day) % 7;
    return this.rates[reason]![weekday * this.intervals + (slot - day * this.intervals)]!;
  }

  /**
   * The time of the next arrival of `reason` after `t`, given `exp1` an Exp(1) draw, or
   * Infinity past the horizon. Cost: one step per interval crossed.
   */
  next(reason: number, t: number, exp1: number): number {
    let remaining = exp1;
    let now = t;
    const width = this.intervalSeconds;
    while (now < this.horizonSeconds) {
      const end = (Math.floor(now / width) + 1) * width;
      const rate = this.rate(reason, now);
      const mass = rate * (end - now);
      if (mass > remaining) {
        const at = now + remaining / rate;
        return at < this.horizonSeconds ? at : Number.POSITIVE_INFINITY;
      }
      remaining -= mass;
      now = end;
    }
    return Number.POSITIVE_INFINITY;
  }
}
