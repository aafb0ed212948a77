import { describe, expect, it } from 'vitest';
import { didYouMean, didYouMeanHint } from '../../src/errors.js';
import { timeZoneHint } from '../../src/calendar/time-zone.js';

// One wording and one rule for every "did you mean" of the program (flags, scenario names and
// fields, CSV columns, time zones, formats).
describe('did you mean', () => {
  it('suggests the only candidate a word begins, then the nearest within a third of its length', () => {
    expect(didYouMean('stop-voice', ['stop-voicemail-messages', 'warm-transfers'])).toBe(
      'stop-voicemail-messages',
    );
    expect(didYouMean('erlnag-c', ['erlang-c', 'erlang-a', 'erlang-b'])).toBe('erlang-c');
    expect(didYouMean('QUEUELOG', ['queue_log', 'sql'])).toBe('queue_log');
    expect(didYouMean('zebra', ['queue_log', 'sql'])).toBeUndefined();
  });

  it('catches two adjacent letters swapped, which Levenshtein counts as two edits', () => {
    expect(didYouMean('mdoe', ['mode', 'main'])).toBe('mode');
    expect(didYouMean('mian', ['main', 'outpatients'])).toBe('main');
  });

  it('words every hint the same way, time zones included', () => {
    expect(didYouMeanHint('pooeld', ['pooled', 'separate'])).toBe('did you mean "pooled"?');
    expect(didYouMeanHint('x', ['pooled'])).toBeUndefined();
    expect(timeZoneHint('Europe/Pariss')).toBe('did you mean "Europe/Paris"?');
    expect(timeZoneHint('Mars/Olympus_Mons')).toBeUndefined();
  });
});
