import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The library's promise (issue 16): an explicit list of public names in src/index.ts, each
// documented where it is declared and listed in docs/api.md; no `export *` chain.
const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const index = readFileSync(join(root, 'src/index.ts'), 'utf8');

/** [name, module path] of every name src/index.ts exports. */
function publicNames(): [string, string][] {
  const code = index.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...code.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'([^']+)'/g)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((part) => part.trim().replace(/^type\s+/, ''))
      .filter(Boolean)
      .map((name): [string, string] => [
        name,
        m[2]!.replace(/^\.\//, 'src/').replace(/\.js$/, '.ts'),
      ]),
  );
}

describe('the public API (src/index.ts)', () => {
  it('names its exports one by one, at most about 120, without export *', () => {
    const code = index.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/export\s*\*/);
    const names = publicNames().map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(60);
    expect(names.length).toBeLessThanOrEqual(120);
  });

  it('documents every name with a doc comment where it is declared, and in docs/api.md', () => {
    const api = readFileSync(join(root, 'docs/api.md'), 'utf8');
    const undocumented: string[] = [];
    const unlisted: string[] = [];
    for (const [name, file] of publicNames()) {
      const source = readFileSync(join(root, file), 'utf8');
      const declaration = new RegExp(
        `/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*export\\s+(?:declare\\s+)?(?:abstract\\s+)?(?:async\\s+)?(?:function\\*?|const|class|interface|type|let)\\s+${name}\\b`,
      );
      if (!declaration.test(source)) undocumented.push(`${name} (${file})`);
      if (!api.includes(`\`${name}\``)) unlisted.push(name);
    }
    expect(undocumented).toEqual([]);
    expect(unlisted).toEqual([]);
  });
});
