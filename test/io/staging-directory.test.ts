import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, RunError } from '../../src/errors.js';
import { StagingDirectory } from '../../src/io/staging-directory.js';
import { writeDirectoryAtomically } from '../../src/switchboard/write-results.js';

// Reference: POSIX rename(2) — replacing a name is atomic; the staged files only ever appear
// at the target through renames, so a failure before the commit shows nothing there.
const root = mkdtempSync(join(tmpdir(), 'staging-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** A fresh parent directory for one test. */
function parent(): string {
  const dir = join(root, `case-${++count}`);
  mkdirSync(dir);
  return dir;
}
/** Entries of `dir`, sorted, hidden ones included. */
const entries = (dir: string) => readdirSync(dir).sort();

describe('StagingDirectory', () => {
  it('stages whole and streamed files out of sight, then renames them to a new target', () => {
    const at = parent();
    const target = join(at, 'out');
    const staging = StagingDirectory.create(target);
    staging.writeFile('b.json', '{}\n');
    const fd = staging.open('a.csv');
    writeSync(fd, 'x\n');
    writeSync(fd, 'y\n');
    closeSync(fd);
    expect(existsSync(target)).toBe(false);
    expect(entries(at)).toHaveLength(1);
    expect(entries(at)[0]).toMatch(/^\.out\.partial-/);
    expect(staging.commit('merge')).toEqual(['a.csv', 'b.json']);
    expect(entries(at)).toEqual(['out']);
    expect(readFileSync(join(target, 'a.csv'), 'utf8')).toBe('x\ny\n');
  });

  it('replace-empty puts the staged directory in place of an empty one', () => {
    const at = parent();
    const target = join(at, 'out');
    mkdirSync(target);
    const staging = StagingDirectory.create(target);
    staging.writeFile('a.csv', 'new\n');
    expect(staging.commit('replace-empty')).toEqual(['a.csv']);
    expect(entries(at)).toEqual(['out']);
    expect(entries(target)).toEqual(['a.csv']);
  });

  it('merge replaces same-named files in an existing directory and keeps the others', () => {
    const at = parent();
    const target = join(at, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'a.csv'), 'old\n');
    writeFileSync(join(target, 'keep.txt'), 'mine\n');
    const staging = StagingDirectory.create(target);
    staging.writeFile('a.csv', 'new\n');
    staging.commit('merge');
    expect(entries(at)).toEqual(['out']);
    expect(entries(target)).toEqual(['a.csv', 'keep.txt']);
    expect(readFileSync(join(target, 'a.csv'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('mine\n');
  });

  it.each([
    ['no target yet', false],
    ['a target with previous content', true],
  ])('a failure half-way through writing leaves no output (%s)', (_, previous) => {
    const at = parent();
    const target = join(at, 'out');
    if (previous) {
      mkdirSync(target);
      writeFileSync(join(target, 'a.csv'), 'old\n');
    }
    const staging = StagingDirectory.create(target);
    expect(() => {
      try {
        staging.writeFile('a.csv', 'new\n');
        const fd = staging.open('b.csv');
        writeSync(fd, 'half');
        closeSync(fd);
        throw new Error('disk full');
      } catch (error) {
        staging.abort();
        throw error;
      }
    }).toThrow('disk full');
    if (previous) {
      expect(entries(at)).toEqual(['out']);
      expect(entries(target)).toEqual(['a.csv']);
      expect(readFileSync(join(target, 'a.csv'), 'utf8')).toBe('old\n');
    } else expect(entries(at)).toEqual([]);
  });

  it('a commit that fails removes the staging directory and leaves the target as it was', () => {
    const at = parent();
    const target = join(at, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'a.csv'), 'old\n');
    const staging = StagingDirectory.create(target);
    staging.writeFile('a.csv', 'new\n');
    // replace-empty expects an empty target: removing a non-empty one fails (ENOTEMPTY).
    expect(() => staging.commit('replace-empty')).toThrow(/ENOTEMPTY|EEXIST/);
    expect(entries(at)).toEqual(['out']);
    expect(readFileSync(join(target, 'a.csv'), 'utf8')).toBe('old\n');
  });

  it('creates missing parents only when asked', () => {
    const at = parent();
    const target = join(at, 'missing', 'out');
    expect(() => StagingDirectory.create(target)).toThrow(/ENOENT/);
    expect(entries(at)).toEqual([]);
    StagingDirectory.create(target, { createParent: true }).commit('merge');
    expect(entries(join(at, 'missing'))).toEqual(['out']);
  });
});

// The model's `simulate --out` writer, through the staging directory: results are written
// whole or not at all (its doc comment is the specification tested here).
// The second file cannot be created (its folder does not exist): the write fails half-way.
const failing = { 'a.csv': 'a\n', 'missing/b.csv': 'b\n', 'c.csv': 'c\n' };

describe('writeDirectoryAtomically', () => {
  it('writes every file into a new directory', () => {
    const at = parent();
    writeDirectoryAtomically(join(at, 'out'), { 'a.csv': 'a\n', 'b.json': '{}\n' });
    expect(entries(at)).toEqual(['out']);
    expect(entries(join(at, 'out'))).toEqual(['a.csv', 'b.json']);
    expect(readFileSync(join(at, 'out', 'b.json'), 'utf8')).toBe('{}\n');
  });

  it('fills an existing empty directory', () => {
    const at = parent();
    mkdirSync(join(at, 'out'));
    writeDirectoryAtomically(join(at, 'out'), { 'a.csv': 'a\n' });
    expect(entries(join(at, 'out'))).toEqual(['a.csv']);
  });

  it('fails half-way without leaving a directory or a staging directory behind', () => {
    const at = parent();
    expect(() => writeDirectoryAtomically(join(at, 'out'), failing)).toThrow(RunError);
    expect(entries(at)).toEqual([]);
  });

  it('fails half-way and leaves an existing empty directory empty', () => {
    const at = parent();
    mkdirSync(join(at, 'out'));
    expect(() => writeDirectoryAtomically(join(at, 'out'), failing)).toThrow(
      /cannot write results to/,
    );
    expect(entries(at)).toEqual(['out']);
    expect(entries(join(at, 'out'))).toEqual([]);
  });

  it('refuses a directory with content and leaves that content intact', () => {
    const at = parent();
    mkdirSync(join(at, 'out'));
    writeFileSync(join(at, 'out', 'a.csv'), 'previous\n');
    expect(() => writeDirectoryAtomically(join(at, 'out'), { 'a.csv': 'a\n' })).toThrow(InputError);
    expect(entries(at)).toEqual(['out']);
    expect(readFileSync(join(at, 'out', 'a.csv'), 'utf8')).toBe('previous\n');
  });
});
