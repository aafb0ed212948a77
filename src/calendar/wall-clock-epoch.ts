import { TZDate } from '@date-fns/tz';
import type { Scenario } from '../scenario/scenario-types.js';

/**
 * Unix time (seconds) of a moment of simulated time. The model's days are 24 hours of local
 * clock time from the start date's midnight; real days around a daylight-saving change have
 * 23 or 25 hours. Each simulated day is therefore anchored on the real local midnight of its
 * date, and on the day of a change the wall-clock time is converted in the scenario's time zone
 * (a time skipped by the spring change comes out an hour later, as the zone's clocks do; a time
 * repeated in the autumn comes out at its first occurrence). So a simulated 08:30 is 08:30 on
 * the wall every day of the year. Cost: one time-zone conversion per simulated day, plus one
 * per event on the two change days.
 */
export function wallClockEpoch(scenario: Pick<Scenario, 'startDate' | 'timezone'>) {
  const [y, m, d] = scenario.startDate.split('-').map(Number) as [number, number, number];
  const midnights: number[] = [];
  const midnight = (day: number) => {
    let value = midnights[day];
    if (value === undefined) {
      value = new TZDate(y, m - 1, d + day, scenario.timezone).getTime() / 1000;
      midnights[day] = value;
    }
    return value;
  };
  return (simulatedSeconds: number): number => {
    const day = Math.floor(simulatedSeconds / 86_400);
    const within = simulatedSeconds - day * 86_400;
    const start = midnight(day);
    if (midnight(day + 1) - start === 86_400) return Math.floor(start + within);
    const whole = Math.floor(within);
    const wall = new TZDate(
      y,
      m - 1,
      d + day,
      Math.floor(whole / 3600),
      Math.floor((whole % 3600) / 60),
      whole % 60,
      scenario.timezone,
    );
    return Math.floor(wall.getTime() / 1000);
  };
}
