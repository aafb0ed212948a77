import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The reference data beside the checkout (`../shared/data`), present in CI, absent in a user's clone. */
export const sharedDataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/data');

/**
 * The absolute path of `relativePath` under `../shared/data`, or `undefined` when it is absent —
 * in which case a notice is printed once, so a skipped test is never silent. Use with
 * `describe.skipIf(!path)`.
 */
export function sharedData(relativePath: string): string | undefined {
  const path = resolve(sharedDataDir, relativePath);
  if (existsSync(path)) return path;
  console.warn(
    `notice: ../shared/data/${relativePath} is absent; the tests that read it are skipped`,
  );
  return undefined;
}
