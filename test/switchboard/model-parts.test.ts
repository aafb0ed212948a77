import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The switchboard model is built by composition (issue 16, docs/simulation.md): each part owns
// its state and reaches the others only through the ports of model-parts.ts, handed to it by
// the assembly. Read from the sources: no part imports another part's module, and no class of
// the model shares state by inheritance (no `extends`, `protected` or `abstract`).
const dir = new URL('../../src/switchboard/', import.meta.url).pathname;
const parts = [
  'callers',
  'arrivals',
  'outbound-calls',
  'ivr',
  'queues',
  'operator-groups',
  'callbacks',
  'call-handling',
];
const source = (name: string) => readFileSync(`${dir}${name}.ts`, 'utf8');

describe('the switchboard model by composition', () => {
  it('parts import no other part: they meet through the ports of model-parts.ts', () => {
    const crossings = parts.flatMap((part) =>
      [...source(part).matchAll(/from '\.\/([^']+)\.js'/g)]
        .map((m) => m[1]!)
        .filter((imported) => parts.includes(imported))
        .map((imported) => `${part} imports ${imported}`),
    );
    expect(crossings).toEqual([]);
    for (const part of parts) expect(source(part)).toMatch(/from '\.\/model-parts\.js'/);
  });

  it('no class of the model inherits, or shares protected or abstract members', () => {
    const found = [...parts, 'switchboard-model', 'model-parts'].flatMap((name) =>
      [
        ...source(name).matchAll(
          /^\s*(?:export )?(?:abstract )?class \w+ extends|\bprotected\b|\babstract\b/gm,
        ),
      ].map((m) => `${name}: ${m[0].trim()}`),
    );
    expect(found).toEqual([]);
  });
});
