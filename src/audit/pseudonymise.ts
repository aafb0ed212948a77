import { createHmac } from 'node:crypto';

/**
 * A keyed pseudonym for a caller number: HMAC-SHA256 of the number with `key`, first 16 hex
 * digits, prefixed `p:`. The same number and key always give the same pseudonym (so repeat
 * callers stay linked), but without the key the number cannot be recovered or confirmed by
 * hashing guesses — unlike a plain hash of a 10-digit number, which is brute-forced in
 * seconds. Empty numbers stay empty. Cost: one HMAC per call (≈ 2 µs).
 */
export function pseudonymiser(key: string | Buffer): (number: string) => string {
  if (key.length === 0) throw new RangeError('pseudonymiser: the key must not be empty');
  return (number: string) =>
    number === '' ? '' : `p:${createHmac('sha256', key).update(number).digest('hex').slice(0, 16)}`;
}
