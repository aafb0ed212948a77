import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// Occupancy is busy time over staffed time. Busy time was booked when an operator released a
// call, so a call still in hand when the run stopped counted for nothing: the fuzz's scenario
// (test/hostile/fixtures/occupancy-in-hand.json: 48-hour conversations, two operators busy
// from the first minutes to the end of the day) read 0 % occupancy (fuzz finding F-fuzz-7).
const root = new URL('../..', import.meta.url).pathname;

describe('occupancy counts calls still in an operator’s hands at the end', () => {
  it('two operators busy all day are occupied all day, never above 100 %', async () => {
    const io = bufferIo(root);
    const argv = [
      'simulate',
      'test/hostile/fixtures/occupancy-in-hand.json',
      '--days',
      '1',
      '--replications',
      '2',
      '--json',
    ];
    expect(await main(argv, io), io.err).toBe(0);
    const occupancy = JSON.parse(io.out).overall.occupancy.mean;
    expect(occupancy).toBeGreaterThan(0.99);
    expect(occupancy).toBeLessThanOrEqual(1);
  });
});
