/**
 * The one way numbers are written with a fixed number of decimals: `value.toFixed(digits)`,
 * except that a value that rounds to zero is written without a sign — `0.0`, never `-0.0`
 * (a difference of −0.0004 is no difference one can read). Every `toFixed` of the program
 * goes through here (test/units/fixed.test.ts checks that none is left elsewhere).
 */
export function fixed(value: number, digits = 0): string {
  const text = value.toFixed(digits);
  return text.charCodeAt(0) === 45 /* - */ && !/[1-9]/.test(text) ? text.slice(1) : text;
}

/**
 * {@link fixed} with a sign: `+1.2`, `-0.4`, and no sign when it rounds to zero (`0.0`).
 */
export function signedFixed(value: number, digits = 0): string {
  const text = fixed(value, digits);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/**
 * A share as a percentage for a terminal or a message: `0.8234` → `82.3 %` (`digits` decimals,
 * via {@link fixed}); `—` for a missing or non-finite share.
 */
export function percentText(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined || !Number.isFinite(share)
    ? '—'
    : `${fixed(share * 100, digits)} %`;
}

/**
 * A count and its noun for people, singular for exactly one: `countText(1, 'day')` → `1 day`,
 * `countText(7, 'day')` → `7 days`; `plural` for nouns not made with an `s`.
 */
export function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
