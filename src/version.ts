import { createRequire } from 'node:module';

let version: string | undefined;

/**
 * This program's version, from its package.json (`src/` and `dist/` both sit one level under the
 * package root). Jobs sent to workers carry it; a worker of another version refuses them.
 */
export function programVersion(): string {
  version ??= (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  return version;
}
