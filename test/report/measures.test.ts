/**
 * Measure names as the commands print them: `simulate --json` keys and `compare --json` names
 * with their table (`overall.serviceLevel`). The expected units follow the definitions in
 * docs/simulate.md (service level and probabilities are shares, `…Seconds` are seconds, cost
 * items are money, counts are counts).
 */

import { describe, expect, it } from 'vitest';
import { measureInfo } from '../../src/report/measures.js';

describe('measureInfo on the names the commands print', () => {
  it('finds a compare measure by its key, whatever its table', () => {
    expect(measureInfo('overall.serviceLevel')).toEqual(measureInfo('serviceLevel'));
    expect(measureInfo('needs.attemptsPerNeed')).toEqual(measureInfo('attemptsPerNeed'));
    expect(measureInfo('overall.serviceLevel').unit).toBe('share');
  });
  it('reads a rate only as a whole word', () => {
    expect(measureInfo('overall.pagesGeneratedCalls').unit).toBe('count');
    expect(measureInfo('overall.pagesGeneratedCalls').label).toBe('Pages generated calls');
    expect(measureInfo('needs.resolvedRate').unit).toBe('share');
    expect(measureInfo('overall.probabilityBusy').unit).toBe('share');
  });
  it('unknown cost items are money, seconds are seconds', () => {
    expect(measureInfo('cost.transferCost').unit).toBe('currency');
    expect(measureInfo('overall.meanTalkSeconds').unit).toBe('seconds');
  });
  it('money only for money: hours, lost needs and repeat attempts are not money', () => {
    expect(measureInfo('cost.operatorHours').unit).toBe('number');
    expect(measureInfo('cost.lostNeeds').unit).toBe('count');
    expect(measureInfo('cost.repeatAttempts').unit).toBe('count');
    expect(measureInfo('cost.lostNeedCost').unit).toBe('currency');
    expect(measureInfo('cost.total').unit).toBe('currency');
  });
  it('needs counts are counts and their shares are shares', () => {
    expect(measureInfo('needs.resolved').unit).toBe('count');
    expect(measureInfo('needs.firstContactResolution').unit).toBe('share');
  });
});
