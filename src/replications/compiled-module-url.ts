import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The URL of the compiled JavaScript of a module named relative to `base` (an
 * `import.meta.url`). Worker threads load plain JavaScript, so when the library itself runs from
 * its TypeScript sources (under vitest), `src/x/y.js` — which does not exist — maps to the
 * compiled `dist/x/y.js` (`npm test` builds first). Cost: one file-existence check.
 */
export function compiledModuleUrl(relative: string, base: string): URL {
  const url = new URL(relative, base);
  if (url.protocol !== 'file:') return url;
  const path = fileURLToPath(url);
  if (existsSync(path)) return url;
  const at = Math.max(path.lastIndexOf('/src/'), path.lastIndexOf('\\src\\'));
  if (at < 0) return url;
  const separator = path[at]!;
  return pathToFileURL(`${path.slice(0, at)}${separator}dist${separator}${path.slice(at + 5)}`);
}
