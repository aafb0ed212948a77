import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../src/cli/progress-bar.js';

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream: Object.assign(stream, { isTTY: true, columns: 80 }), chunks };
}

describe('createProgressBar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const { stream, chunks } = sink();
    const bar = createProgressBar({ isTTY: false, label: 'replications', delayMs: 0, stream });
    bar.update(1, 10);
    bar.stop();
    expect(chunks).toEqual([]);
  });

  it('draws nothing before the delay, then a bar on the terminal', () => {
    const { stream, chunks } = sink();
    const bar = createProgressBar({ isTTY: true, label: 'replications', delayMs: 60_000, stream });
    bar.update(1, 10);
    expect(chunks).toEqual([]);
    const now = createProgressBar({ isTTY: true, label: 'replications', delayMs: 0, stream });
    now.update(3, 10);
    now.stop();
    expect(chunks.join('')).toContain('3/10 replications');
  });
});
