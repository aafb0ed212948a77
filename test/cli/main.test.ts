import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SwitchboardCommand } from '../../src/cli/command.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { inputError } from '../../src/errors.js';

const echo: SwitchboardCommand = {
  command: 'echo',
  describe: 'Print a word',
  builder: (y) => y.option('word', { type: 'string', demandOption: true }),
  run: (args, io) => {
    if (args.word === 'bad') throw inputError('--word', 'a good word', args.word);
    if (args.word === 'crash') throw new Error('boom');
    io.stdout(`${String(args.word)}\n`);
    return 0;
  },
};

describe('main(argv, io)', () => {
  it('runs a command and returns its exit code', async () => {
    const io = bufferIo();
    expect(await main(['echo', '--word', 'hi'], io, { commands: [echo] })).toBe(0);
    expect(io.out).toBe('hi\n');
  });

  it('turns bad input into one line and exit code 2, without a stack trace', async () => {
    const io = bufferIo();
    expect(await main(['echo', '--word', 'bad'], io, { commands: [echo] })).toBe(2);
    expect(io.err).toBe('switchboard: --word: expected a good word, received "bad"\n');
  });

  it('reports an unknown command or flag as bad usage, with the closest name', async () => {
    // QA F-usage-2: yargs said "Unknown argument: wrod" with no suggestion, and strict mode
    // hid recommendCommands' "Did you mean".
    const io = bufferIo();
    expect(await main(['ecko'], io, { commands: [echo] })).toBe(2);
    expect(io.err).toBe(
      'switchboard: command: expected one of echo (switchboard --help describes them), received "ecko" (did you mean "echo"?)\n',
    );
    const io2 = bufferIo();
    expect(await main(['echo', '--word', 'x', '--wrod', 'y'], io2, { commands: [echo] })).toBe(2);
    expect(io2.err).toBe(
      'switchboard: --wrod: expected an option of switchboard echo (switchboard echo --help lists them), received "--wrod" (did you mean "--word"?)\n',
    );
    // The command does not run behind a usage error: nothing printed, nothing thrown later.
    expect(io2.out).toBe('');
    const io3 = bufferIo();
    expect(await main(['echo', '--word', 'bad', '--wrod=y', '-q'], io3, { commands: [echo] })).toBe(
      2,
    );
    expect(io3.err).toMatch(
      /^switchboard: 2 problems\n {2}--wrod: .*\(did you mean "--word"\?\)\n {2}-q: expected an option of switchboard echo .*received "-q"\n$/,
    );
    const io4 = bufferIo();
    expect(await main(['echo', 'extra', '--word', 'x'], io4, { commands: [echo] })).toBe(2);
    expect(io4.err).toMatch(
      /^switchboard: arguments: expected no more arguments .*received "extra"/,
    );
  });

  it('lists the commands when none is named, on stderr before the message (exit 2)', async () => {
    // QA F-usage-1: "see the list above" came with no list.
    const io = bufferIo();
    expect(await main([], io, { commands: [echo] })).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(
      /Commands:\n {2}switchboard echo +Print a word\n[^]*\n\nswitchboard: Name a command: see the list above\.\n$/,
    );
  });

  it('prints the version of package.json with --version (exit 0)', async () => {
    // QA F-usage-2: --version was an unknown argument.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const io = bufferIo();
    expect(await main(['--version'], io, { commands: [echo] })).toBe(0);
    expect(io.out).toBe(`${pkg.version}\n`);
  });

  it('exits 1 on an unexpected failure, with the stack only under --verbose', async () => {
    const io = bufferIo();
    expect(await main(['echo', '--word', 'crash'], io, { commands: [echo] })).toBe(1);
    expect(io.err).toContain('switchboard: boom');
    expect(io.err).not.toContain('at ');
    const io2 = bufferIo();
    expect(await main(['echo', '--word', 'crash', '--verbose'], io2, { commands: [echo] })).toBe(1);
    expect(io2.err).toContain('Error: boom\n    at ');
  });

  it('prints help to stdout and exits 0', async () => {
    const io = bufferIo();
    expect(await main(['--help'], io, { commands: [echo] })).toBe(0);
    expect(io.out).toContain('echo');
  });
});
