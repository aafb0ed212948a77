import { createHmac } from 'node:crypto';
import { agentKey } from './agent-sessions.js';
import type { AuditRecord } from './records.js';

/** The shortest key `--pseudonymise` accepts: 16 bytes (128 bits), as NIST SP 800-107 asks of an HMAC key. */
export const MIN_PSEUDONYMISE_KEY_BYTES = 16;

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

/**
 * A telephone number inside free text: at least 6 digits, possibly written with a leading `+`
 * and spaces, dots, dashes, slashes or brackets between them (`+33 6 12 34 56 78`,
 * `06.12.34.56.78`, `(555) 123-4567`). Shorter runs (extensions, counts, line numbers) are kept.
 */
const NUMBER_IN_TEXT = /\+?\(?\d(?:[ .\-/()\u00a0]{0,2}\d){5,}/g;

/** `number` without its formatting: the digits and a leading `+`. */
export function normaliseNumber(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return digits.replace(/(?!^)\+/g, '');
}

/** A quoted value inside a rejection reason (the parsers quote with JSON.stringify). */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/**
 * How `--pseudonymise` treats the fields of records: a caller field is replaced whole (its
 * formatting dropped first, so `+33 6 12 34 56 78` and `+33612345678` give one pseudonym, and a
 * display name around the number, `"Ann Lee" <0612…>`, goes with it); an agent is replaced
 * whole by its own pseudonym (`a:` + 16 hex digits, keyed apart from callers; the ways one
 * agent is written, `SIP/alice-0000001f` and `Agent/alice`, give one); any other field that can
 * hold a number (queue_log data, CDR destinations, transfer targets, error messages) has each
 * number in it replaced. Rejected lines, which may hold any of these fields in any place, are
 * quoted masked: letters shown as `x`, digits as `0`, the rest (separators) kept.
 */
export class Pseudonymiser {
  private readonly pseudo: (number: string) => string;
  private readonly agentPseudo: (name: string) => string;

  constructor(key: string | Buffer) {
    this.pseudo = pseudonymiser(key);
    const agents = pseudonymiser(Buffer.concat([Buffer.from('agent\u0000'), Buffer.from(key)]));
    this.agentPseudo = (name) => `a:${agents(name).slice(2)}`;
  }

  /** An agent field, whole: `''` and `NONE` (no agent) stay. */
  agent(raw: string): string {
    if (raw === '' || raw === 'NONE') return raw;
    return this.agentPseudo(agentKey(raw));
  }

  /** Text quoted from a record that could not be read: letters `x`, digits `0`, rest kept. */
  masked(raw: string): string {
    return raw.replace(/\p{L}/gu, 'x').replace(/\p{N}/gu, '0');
  }

  /** A rejection reason with the values it quotes {@link masked}, and numbers elsewhere replaced. */
  reason(raw: string): string {
    return this.text(raw.replace(QUOTED, (quoted) => this.masked(quoted)));
  }

  /** A caller field, whole. */
  caller(raw: string): string {
    if (raw === '') return '';
    const number = normaliseNumber(raw);
    return this.pseudo(/\d/.test(number) ? number : raw);
  }

  /** Free text with each telephone number in it replaced. */
  text(raw: string): string {
    return raw.replace(NUMBER_IN_TEXT, (number) => this.pseudo(normaliseNumber(number)));
  }

  /** A record with every field that can hold a number pseudonymised (in place). */
  record(record: AuditRecord): AuditRecord {
    if (record.kind === 'queue') {
      const data = record.data;
      const callerAt = record.event === 'ENTERQUEUE' ? 1 : -1;
      // Plain counts of up to 6 digits stay (hold and talk seconds, positions): they are the
      // durations the audit measures, not numbers of people.
      for (let i = 0; i < data.length; i++) {
        const field = data[i]!;
        data[i] =
          i === callerAt ? this.caller(field) : /^\d{0,6}$/.test(field) ? field : this.text(field);
      }
      record.agent = this.agent(record.agent);
    } else if (record.kind === 'cdr') {
      record.src = this.caller(record.src);
      record.dst = this.text(record.dst);
    } else {
      record.caller = this.caller(record.caller);
      record.agent = this.agent(record.agent);
      record.transferTargets = record.transferTargets.map((t) => this.text(t));
      record.bouncedFrom = record.bouncedFrom.map((t) => this.text(t));
    }
    return record;
  }
}
