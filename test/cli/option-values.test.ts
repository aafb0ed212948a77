import { describe, expect, it } from 'vitest';
import type { SwitchboardCommand } from '../../src/cli/command.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { positionalNames } from '../../src/cli/require-option-values.js';

// A command with every kind of option: a string, a number with a short alias, a boolean and
// positionals. It prints what yargs gave it, so each test sees exactly what was parsed.
let runs = 0;
const probe: SwitchboardCommand = {
  command: 'probe <first> [rest..]',
  describe: 'Print the parsed flags',
  builder: (y) =>
    y
      .positional('first', { type: 'string' })
      .positional('rest', { type: 'string', array: true })
      .option('word', { type: 'string' })
      .option('count', { type: 'number', alias: 'n' })
      .option('loud', { type: 'boolean', default: false }),
  run: (args, io) => {
    runs++;
    const { first, rest, word, count, loud } = args;
    const after = (args._ as unknown[]).slice(1); // words after --
    io.stdout(`${JSON.stringify({ first, rest, word, count, loud, after })}\n`);
    return 0;
  },
};

async function probeRun(argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io, { commands: [probe] });
  return { code, parsed: io.out ? JSON.parse(io.out) : undefined, err: io.err };
}

describe('a value-taking option takes a negative-looking value', () => {
  it('for a string and a number, long or short (alias), spaced or with =', async () => {
    for (const value of ['-3', '-1h', '-3m', '-1e3', '-.5', '-0.8', '-05:00']) {
      expect((await probeRun(['probe', 'a', '--word', value])).parsed.word).toBe(value);
      expect((await probeRun(['probe', 'a', `--word=${value}`])).parsed.word).toBe(value);
    }
    expect((await probeRun(['probe', 'a', '--count', '-2'])).parsed.count).toBe(-2);
    expect((await probeRun(['probe', 'a', '-n', '-2'])).parsed.count).toBe(-2);
    expect((await probeRun(['probe', 'a', '-n', '-1e3'])).parsed.count).toBe(-1000);
  });
  it('leaves booleans, positionals and -- alone', async () => {
    expect((await probeRun(['probe', 'a', '--word', 'x', '--loud'])).parsed).toEqual({
      first: 'a',
      rest: [],
      word: 'x',
      loud: true,
      after: [],
    });
    expect((await probeRun(['probe', '--loud', 'a', 'b', '--word', 'x', 'c'])).parsed).toEqual({
      first: 'a',
      rest: ['b', 'c'],
      word: 'x',
      loud: true,
      after: [],
    });
    // After --, words are not flags: --loud stays false and -3 is not read as an option.
    const dashes = await probeRun(['probe', 'a', '--word', 'x', '--', '--loud', '-3']);
    expect(dashes.code).toBe(0);
    expect(dashes.parsed).toEqual({
      first: 'a',
      rest: [],
      word: 'x',
      loud: false,
      after: ['--loud', -3],
    });
  });
  it('a flag after the option is not its value: one line naming the option, exit 2', async () => {
    for (const argv of [
      ['probe', 'a', '--word', '--loud'],
      ['probe', 'a', '--word'],
    ]) {
      const r = await probeRun(argv);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        'switchboard: --word: expected a value, received nothing (a word starting with "-" and a letter is a flag; write --word=VALUE for such a value)\n',
      );
    }
  });
  it('does not run the command after a usage error', async () => {
    const before = runs;
    const r = await probeRun(['probe', 'a', '--wrod', 'x']);
    expect(r).toMatchObject({ code: 2, parsed: undefined });
    expect(r.err).toMatch(
      /--wrod: expected an option of switchboard probe .*\(did you mean "--word"\?\)/,
    );
    expect(runs).toBe(before);
  });
});

describe('positionalNames', () => {
  it('reads <required>, [optional] and variadic positionals of a command string', () => {
    expect(positionalNames('staff')).toEqual([]);
    expect(positionalNames('simulate <scenario>')).toEqual(['scenario']);
    expect(positionalNames('audit <files..>')).toEqual(['files']);
    expect(positionalNames('probe <first> [rest..]')).toEqual(['first', 'rest']);
  });
});
