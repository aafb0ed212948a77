import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const root = new URL('../..', import.meta.url).pathname;
const history = ['--history', 'docs/examples/paris-calls.csv', '--horizon', '1d'];

async function forecast(...argv: string[]) {
  const io = bufferIo(root);
  const code = await main(['forecast', ...history, ...argv], io);
  return { code, out: io.out, err: io.err };
}

describe('forecast flags', () => {
  it('a value outside a flag’s choices is one line per flag, with the closest choice (QA F-choices)', async () => {
    // It was yargs' two-line "Invalid values: / Argument: method, Given: …, Choices: …".
    const { code, out, err } = await forecast('--method', 'weekday-meen', '--absent', 'x');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      'switchboard: 2 problems\n' +
        '  --method: expected one of auto, seasonal-naive, weekday-mean, profile-smoothing, double-seasonal-hw, combined, received "weekday-meen" (did you mean "weekday-mean"?)\n' +
        '  --absent: expected one of auto, closed, missing, received "x"\n',
    );
  });

  it('--level is a percentage: a share such as 0.8 is refused, not read as 0.8 % (QA F-level)', async () => {
    const share = await forecast('--level', '0.8');
    expect(share.code).toBe(2);
    expect(share.err).toBe(
      'switchboard: --level: expected a percentage above 1 and below 100 (80 for 80 %), received 0.8 (did you mean 80?)\n',
    );
    for (const bad of ['0', '100', '-5']) expect((await forecast('--level', bad)).code).toBe(2);
  });
});
