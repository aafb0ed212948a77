import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarginFlags } from '../../src/cli/commands/compare.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { catalogueKeys, measureDefinition } from '../../src/measures/measure-catalogue.js';
import { marginNames, readMarginOverride } from '../../src/measures/compared-measures.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

// QA F-margin-1: a misspelt margin name (`cost.totl`, `servicelevel`) was ignored and a share's
// margin of 2 (meant as 2 points) taken as 200 points, so a 6-point drop in service level was
// declared "equivalent". Names are now those compare reports (every key in the measure
// catalogue), and a share's margin is at most one whole share.
const root = new URL('../..', import.meta.url).pathname;

describe('margin names and ranges', () => {
  it('knows every name compare reports, each with a catalogue definition', () => {
    const keys = new Set(catalogueKeys());
    for (const name of marginNames()) expect(keys.has(name.split('.').at(-1)!), name).toBe(true);
    expect(marginNames()).toEqual(
      expect.arrayContaining(['serviceLevel', 'cost.total', 'byReason.resolvedRate', 'total']),
    );
  });

  it('reads the documented forms: a number in the unit, "2%" of the base, "2pt" of a share', () => {
    expect(readMarginOverride('serviceLevel', 0.01)).toEqual({ margin: { absolute: 0.01 } });
    expect(readMarginOverride('serviceLevel', '2pt')).toEqual({ margin: { absolute: 0.02 } });
    expect(readMarginOverride('cost.total', '2%')).toEqual({ margin: { relative: 0.02 } });
    expect(readMarginOverride('asaSeconds', 5)).toEqual({ margin: { absolute: 5 } });
    expect(measureDefinition('asaSeconds').unit).toBe('seconds');
  });

  it('refuses an unknown name with the closest one, a share above 1 and points of a non-share', () => {
    expect(readMarginOverride('cost.totl', '2%')).toMatchObject({
      problem: { received: '"cost.totl"', hint: 'did you mean "cost.total"?' },
    });
    expect(readMarginOverride('servicelevel', 0.01)).toMatchObject({
      problem: { hint: 'did you mean "serviceLevel"?' },
    });
    expect(readMarginOverride('serviceLevel', 2)).toMatchObject({
      problem: { expected: expect.stringMatching(/^a margin of a share within \[0, 1\]/) },
    });
    expect(readMarginOverride('asaSeconds', '2pt')).toMatchObject({
      problem: { expected: expect.stringContaining('"pt" is for shares') },
    });
    expect(readMarginOverride('serviceLevel', -1)).toHaveProperty('problem');
  });

  it('--margin: every bad flag in one message, exit 2 before any simulation', async () => {
    expect(() => readMarginFlags(['cost.totl=2%', 'serviceLevel=2', 'x'])).toThrow(
      /^3 problems\n {2}--margin cost\.totl=2%: expected the name of a measure compare reports.*received "cost\.totl" \(did you mean "cost\.total"\?\)\n {2}--margin serviceLevel=2: expected a margin of a share within \[0, 1\].*received "2"\n {2}--margin: expected NAME=VALUE/,
    );
    expect(readMarginFlags(['serviceLevel=2pt', 'cost.total=2%'])).toEqual(
      new Map([
        ['serviceLevel', { absolute: 0.02 }],
        ['cost.total', { relative: 0.02 }],
      ]),
    );
    const io = bufferIo(root);
    const args = ['compare', 'scenarios/baseline.yaml', '--variant', 'stop-voicemail-messages'];
    const code = await main([...args, '--margin', 'servicelevel=0.01'], io);
    expect(code).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/did you mean "serviceLevel"\?/);
  });

  it('a scenario’s measures.margins: each problem with its file and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'margins-'));
    const file = join(dir, 'margins.yaml');
    const text = readFileSync(join(root, 'scenarios/baseline.yaml'), 'utf8').replace(
      'measures:\n  shortAbandonTime: 5s\n',
      "measures:\n  shortAbandonTime: 5s\n  margins: { servicelevel: 0.01, cost.totl: '2%', serviceLevel: 2 }\n",
    );
    expect(text).toContain('servicelevel');
    writeFileSync(file, text);
    let message = '';
    try {
      loadScenario(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${file}: 3 problems`);
    expect(message).toMatch(
      /measures\.margins\.servicelevel: expected the name of a measure .*received "servicelevel" \(did you mean "serviceLevel"\?\)/,
    );
    expect(message).toMatch(/measures\.margins\.cost\.totl: .*\(did you mean "cost\.total"\?\)/);
    expect(message).toMatch(
      /measures\.margins\.serviceLevel: expected a margin of a share .*received 2/,
    );
    writeFileSync(file, text.replace(/margins: \{.*\}/, "margins: { serviceLevel: '2pt' }"));
    expect(loadScenario(file).margins).toEqual(new Map([['serviceLevel', { absolute: 0.02 }]]));
  });
});
