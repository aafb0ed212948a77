import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's layout (issue 16) is a promise a test keeps: every folder of src/ is drawn there,
// and a folder imports only folders drawn below it (type-only and dynamic imports included), so
// the data path reads one way. A new folder, or an import that points up, fails here until the
// README says where it belongs.
const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const src = join(root, 'src');

/** The src/ folders in the order the README's layout draws them, top (imports most) first. */
function layoutOrder(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Layout'), readme.indexOf('## Development'));
  return [...new Set([...section.matchAll(/^src\/([a-z-]+)\//gm)].map((m) => m[1]!))];
}

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The top folder of src/ a path lies in, or undefined for a file at src/'s root. */
function folderOf(path: string): string | undefined {
  const parts = relative(src, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

describe("the README's layout", () => {
  const order = layoutOrder();

  it('draws every folder of src/', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.filter((f) => !order.includes(f))).toEqual([]);
    expect(order.filter((f) => !folders.includes(f))).toEqual([]);
  });

  it('has every import point down the list', () => {
    const upward: string[] = [];
    for (const file of modules(src)) {
      const from = folderOf(file);
      if (from === undefined) continue;
      const text = readFileSync(file, 'utf8');
      const specifiers = [
        ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'/g),
        ...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g),
      ].map((m) => m[1]!);
      for (const specifier of specifiers) {
        const to = folderOf(resolve(dirname(file), specifier));
        if (to === undefined || to === from) continue;
        if (order.indexOf(to) < order.indexOf(from))
          upward.push(
            `${relative(root, file)} imports ${specifier} (${to} is drawn above ${from})`,
          );
      }
    }
    expect(upward).toEqual([]);
  });
});
