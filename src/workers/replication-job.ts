import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

/** The queue workers take jobs from, unless told another. */
export const DEFAULT_QUEUE = 'switchboard';

/**
 * One job: one replication of one input. It carries everything a worker needs and nothing of
 * the caller's: the program and version it was made for, the task's name (never a module), the
 * input itself (a scenario document, never a file path) with its content hash, and the seed and
 * replication index, so replication `index` comes out as it would on the caller's machine.
 */
export interface ReplicationJobData {
  program: 'switchboard';
  version: string;
  task: string;
  input: unknown;
  /** SHA-256 of the input's JSON: checked by the worker, and the key its compiled inputs are kept under. */
  inputHash: string;
  seed: number | string;
  index: number;
}

/** SHA-256 (hex) of a value's JSON, as jobs carry it. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * A result as a job returns it: V8's serialization in base64 (job results travel as JSON, which
 * would turn NaN, infinities and −0 into null or 0; this keeps every number exact).
 */
export function encodeResult(result: unknown): string {
  return serialize(result).toString('base64');
}

/** The inverse of {@link encodeResult}. */
export function decodeResult(encoded: unknown): unknown {
  if (typeof encoded !== 'string') throw new TypeError('a job returned no encoded result');
  return deserialize(Buffer.from(encoded, 'base64'));
}
