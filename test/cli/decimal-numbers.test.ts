import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// README: inputs are quoted as typed and read as written. JavaScript's Number() also reads
// hexadecimal, binary and octal literals: `staff --erlangs 0x10` was staffed as 16 erlangs
// (fresh-clone review, G-minor). Loads and counts are decimal numbers.
const root = new URL('../..', import.meta.url).pathname;

describe('staff numbers are decimal', () => {
  it('refuses 0x10, 0b11 and 0o7, and reads 16, 1e2 and .5', async () => {
    for (const [flag, value] of [
      ['--erlangs', '0x10'],
      ['--erlangs', '0b11'],
      ['--erlangs', '0o7'],
    ]) {
      const io = bufferIo(root);
      expect(await main(['staff', flag!, value!, '--aht', '3m', '--agents', '20'], io)).toBe(2);
      expect(io.err).toBe(
        `switchboard: ${flag}: expected an offered load in erlangs > 0, received "${value}"\n`,
      );
    }
    for (const [argv, traffic] of [
      [['--erlangs', '16'], '16 erlangs'],
      [['--calls', '1e2', '--interval', '30m'], '10 erlangs'],
      [['--erlangs', '.5'], '0.500 erlangs'],
    ] as const) {
      const io = bufferIo(root);
      expect(await main(['staff', ...argv, '--aht', '3m', '--agents', '20'], io), io.err).toBe(0);
      expect(io.out).toContain(`traffic        ${traffic}`);
    }
  });
});
