/**
 * Times of day and UTC offsets as text, in one place: `HH:MM` clocks (scenario hours, roster
 * shifts, interval starts) and `+HH:MM` offsets (ISO 8601 timestamps). Cost: O(1).
 */

const two = (n: number) => String(n).padStart(2, '0');

/**
 * `HH:MM` of a time of day in whole minutes since midnight: `510` → `08:30`. Hours are not
 * wrapped, so the end of a day reads `24:00` (`1440`).
 */
export function clockText(minutes: number): string {
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/** Minutes since midnight of an `HH:MM` clock: `08:30` → 510 (NaN when it is not one). */
export function clockMinutes(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}

/** ISO 8601 text of a UTC offset in minutes, positive east: `-210` → `-03:30`, `0` → `+00:00`. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/**
 * Minutes east of UTC of an ISO 8601 offset as timestamps end: `Z` (either case), `+02:00`,
 * `-0330` → 0, 120, −210.
 */
export function offsetMinutes(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const sign = text[0] === '-' ? -1 : 1;
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}
