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

  it('reports an unknown command or flag as bad usage', async () => {
    const io = bufferIo();
    expect(await main(['ecko'], io, { commands: [echo] })).toBe(2);
    expect(io.err).toMatch(/Unknown argument|Did you mean echo/);
    const io2 = bufferIo();
    expect(await main(['echo', '--word', 'x', '--wrod', 'y'], io2, { commands: [echo] })).toBe(2);
    expect(io2.err).toMatch(/Unknown argument/);
    // The command does not run behind a usage error: nothing printed, nothing thrown later.
    expect(io2.out).toBe('');
    const io3 = bufferIo();
    expect(await main(['echo', '--word', 'bad', '--wrod', 'y'], io3, { commands: [echo] })).toBe(2);
    expect(io3.err).toBe('switchboard: Unknown argument: wrod\n');
  });

  it('reports a missing command as bad usage', async () => {
    const io = bufferIo();
    expect(await main([], io, { commands: [echo] })).toBe(2);
    expect(io.err).toMatch(/Name a command/);
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
