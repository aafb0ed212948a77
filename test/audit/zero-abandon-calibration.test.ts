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
    expect(io.err).toContain('note: no caller abandoned in the records');
    expect(io.err).toContain('exponential patience of mean 60s');
  });

  it('writes a patience the model accepts when every caller was answered at once (QA G-roundtrip-noabandon)', async () => {
    // Time at risk 0: nothing bounds patience, and scenario.yaml used to have none, which
    // `simulate` refused ("reasons.main.patience: expected a value (required)").
    const file = join(dir, 'queue_log-no-wait');
    writeFileSync(
      file,
      [
        '1704700800|d1|main|NONE|ENTERQUEUE||0611111111|1',
        '1704700800|d1|main|Agent/1|CONNECT|0|d1.1|2',
        '1704700900|d1|main|Agent/1|COMPLETECALLER|0|100|1',
        '1704700950|d2|main|NONE|ENTERQUEUE||0622222222|1',
        '1704700950|d2|main|Agent/2|CONNECT|0|d2.1|2',
        '1704701000|d2|main|Agent/2|COMPLETEAGENT|0|50|1',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out-no-wait');
    const io = bufferIo(dir);
    expect(await main(['audit', file, '--out', out], io), io.err).toBe(0);
    expect(io.err).toContain('note: no caller abandoned in the records');
    const written = loadScenario(join(out, 'scenario.yaml'));
    expect(written.reasons[0]!.patience).toBeDefined();
    const run = bufferIo(dir);
    expect(
      await main(
        ['simulate', join(out, 'scenario.yaml'), '--days', '1', '--replications', '1'],
        run,
      ),
      run.err,
    ).toBe(0);
  });
});
