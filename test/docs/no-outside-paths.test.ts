import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// User docs never point outside the project: a user's clone has no ../shared (the reference
// data beside the development tree) and no /work/ (the development machine's paths). Every text
// file of the user-facing places is read whole: README.md, CONTRIBUTING.md, docs/, scenarios/,
// audit-maps/ (images and other binary files skipped).
const root = fileURLToPath(new URL('../..', import.meta.url));
const places = ['README.md', 'CONTRIBUTING.md', 'docs', 'scenarios', 'audit-maps'];
const binary = /\.(png|jpe?g|gif|webp|ico|pdf|gz|zip)$/i;
const forbidden = ['../shared', '/work/'];

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** `file:line: text` of each line holding a forbidden path. */
function outsidePaths(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (forbidden.some((f) => line.includes(f))) found.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return found;
}

describe('user docs point only inside the project', () => {
  const all = places.flatMap((p) => files(join(root, p))).filter((f) => !binary.test(f));

  it('reads every place named (none missing)', () => {
    for (const p of places)
      expect(statSync(join(root, p)).isFile() || statSync(join(root, p)).isDirectory()).toBe(true);
    expect(all.some((f) => relative(root, f).startsWith('docs/'))).toBe(true);
    expect(all.some((f) => relative(root, f).startsWith('audit-maps/'))).toBe(true);
  });

  it('finds a forbidden path where there is one', () => {
    expect(outsidePaths('x.md', 'ok\n$ switchboard audit ../shared/data/logs/a.csv')).toEqual([
      'x.md:2: $ switchboard audit ../shared/data/logs/a.csv',
    ]);
    expect(outsidePaths('x.md', 'see /work/records/docs')).toHaveLength(1);
    expect(outsidePaths('x.md', 'records/anonymous-bank-1999-calls.csv')).toEqual([]);
  });

  it('holds no ../shared nor /work/ in README.md, CONTRIBUTING.md, docs/, scenarios/, audit-maps/', () => {
    const found = all.flatMap((f) => outsidePaths(relative(root, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
