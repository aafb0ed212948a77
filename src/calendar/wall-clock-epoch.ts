import { instantsOfWall, offsetMinutesAt } from './time-zone.js';

/**
 * The instant (epoch ms) the clocks of `timeZone` show the wall-clock time `wallMs`: its first
 * occurrence in a repeated hour (autumn), and in a skipped hour (spring) the time an hour (the
 * change) later, as the zone's clocks do.
 */
export function instantOfWall(wallMs: number, timeZone: string): number {
  const instants = instantsOfWall(wallMs, timeZone);
  if (instants.length > 0) return instants[0]!;
  return wallMs - offsetMinutesAt(timeZone, wallMs - 14 * 3_600_000) * 60_000;
}

/**
 * Unix time (seconds) of a moment of simulated time. The model's days are 24 hours of local
 * clock time from the start date's midnight; real days around a daylight-saving change have
 * 23 or 25 hours. Each simulated day is therefore anchored on the real local midnight of its
 * date, and on the day of a change the wall-clock time is converted in the scenario's time zone
 * ({@link instantOfWall}: a skipped time comes out an hour later, a repeated time at its first
 * occurrence). So a simulated 08:30 is 08:30 on the wall every day of the year. Cost: one
 * conversion per simulated day, plus one per event on the two change days.
 */
export function wallClockEpoch(scenario: { startDate: string; timezone: string }) {
  const [y, m, d] = scenario.startDate.split('-').map(Number) as [number, number, number];
  const zone = scenario.timezone;
  const midnights: number[] = [];
  const midnight = (day: number) => {
    let value = midnights[day];
    if (value === undefined) {
      value = instantOfWall(Date.UTC(y, m - 1, d + day), zone) / 1000;
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
    return Math.floor(instantOfWall(Date.UTC(y, m - 1, d + day) + whole * 1000, zone) / 1000);
  };
}
