import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// QA F-audit-transferred: "transferred 87064 (blind 99487, attended 0)" read as a breakdown of
// the first number, which counts calls while the parentheses count transfers. The fixture's
// queue_log has two transferred calls: one BLINDTRANSFER, one ATTENDEDTRANSFER.
describe('audit text: transfers', () => {
  it('says calls, then transfers by kind', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const io = bufferIo(root);
    expect(await main(['audit', 'test/audit/fixtures/small.queue_log'], io)).toBe(0);
    expect(io.out).toContain(
      '  transferred 2 calls (2 transfers: 1 blind, 1 attended), back in a queue after a transfer 1\n',
    );
  });
});
