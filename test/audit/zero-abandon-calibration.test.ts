import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'zero-abandon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three calls, all answered after waits of 10, 30 and 50 s: no abandon to fit patience on. */
const log = [
  '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1',
  '1704700810|c1|main|Agent/1|CONNECT|10|c1.1|2',
  '1704700900|c1|main|Agent/1|COMPLETECALLER|10|90|1',
  '1704700900|c2|main|NONE|ENTERQUEUE||0622222222|1',
  '1704700930|c2|main|Agent/1|CONNECT|30|c2.1|2',
  '1704701000|c2|main|Agent/1|COMPLETEAGENT|30|70|1',
  '1704701000|c3|main|NONE|ENTERQUEUE||0633333333|1',
  '1704701050|c3|main|Agent/1|CONNECT|50|c3.1|2',
  '1704701100|c3|main|Agent/1|COMPLETECALLER|50|50|1',
  '',
].join('\n');

describe('calibration from records without a single abandon', () => {
  it('writes the zero-event 95 % lower bound of an exponential patience, and a loadable scenario', async () => {
    const file = join(dir, 'queue_log');
    writeFileSync(file, log);
    const out = join(dir, 'out');
    const io = bufferIo(dir);
    expect(await main(['audit', file, '--out', out], io), io.err).toBe(0);
    const calibration = JSON.parse(readFileSync(join(out, 'calibration.json'), 'utf8'));
    expect(calibration.patience.fromZeroAbandons).toBe(true);
    // Exposure = 10 + 30 + 50 = 90 s; 90 / ln 20 ≈ 30 s is under the 60 s floor.
    expect(calibration.patience.distribution).toEqual({ distribution: 'exponential', mean: '60s' });
    const scenario = loadScenario(join(out, 'scenario.yaml'));
    expect(Object.keys(scenario.reasons ?? {}).length).toBeGreaterThan(0);
  });
});
