/**
 * The measures `compare` reports, and the names a user may set a verdict margin for: a key
 * (`serviceLevel`, every table that has it) or a `table.key` name (`cost.total`,
 * `byReason.resolvedRate`). A margin for any other name would be silently ignored, so it is
 * refused, with the closest name; a margin is checked against its measure's unit (a share's
 * margin is at most one whole share).
 */

import { describeReceived, didYouMeanHint, type InputProblem } from '../errors.js';
import { measureDefinition, measureKey } from './measure-catalogue.js';
import { type Margin, readMargin } from './verdict.js';

/** The measures `compare` reports, by `table.key` name; units and directions come from the catalogue. */
export const comparedMeasures: readonly string[] = [
  'overall.offered',
  'overall.answered',
  'overall.abandoned',
  'overall.busy',
  'overall.ivrAbandoned',
  'overall.ivrResolved',
  'overall.serviceLevel',
  'overall.asaSeconds',
  'overall.probabilityAbandon',
  'overall.occupancy',
  'overall.transfers',
  'overall.failedTransfers',
  'overall.bouncedBack',
  'overall.redials',
  'overall.voicemailGeneratedCalls',
  'overall.callbackAccepted',
  'overall.outboundReached',
  'overall.outboundMessages',
  'overall.inSystemAtEnd',
  'needs.resolvedRate',
  'needs.firstContactResolution',
  'needs.attemptsPerNeed',
  'needs.totalWaitSeconds',
  'needs.transfersPerNeed',
  'needs.unresolved',
  'cost.operatorHours',
  'cost.operatorCost',
  'cost.lostNeeds',
  'cost.lostNeedCost',
  'cost.transferCost',
  'cost.repeatAttempts',
  'cost.repeatCost',
  'cost.total',
  'cost.perAnsweredCall',
];

/** The needs' measures `compare` reports for each reason and each caller group. */
const comparedNeedMeasures = [
  'asaSeconds',
  'needs',
  'resolvedRate',
  'firstContactResolution',
  'attemptsPerNeed',
  'lostNeeds',
  'lostNeedCost',
] as const;

/** The measures `compare` reports for each reason (keys of `simulate --json`'s `byReason` rows). */
export const comparedReasonMeasures: readonly string[] = [
  'offered',
  'answered',
  'reanswered',
  'abandoned',
  'busy',
  'transfers',
  'bouncedBack',
  ...comparedNeedMeasures,
];

/** The measures `compare` reports for each caller group (keys of `simulate --json`'s `byGroup`). */
export const comparedGroupMeasures: readonly string[] = [
  'offered',
  'answered',
  'abandoned',
  'ivrAbandoned',
  ...comparedNeedMeasures,
];

let names: readonly string[] | undefined;

/**
 * Every name a margin may be set for: each compared `table.key` name (`byReason.` and `byGroup.`
 * names included), then each key alone. Cost O(measures), once.
 */
export function marginNames(): readonly string[] {
  names ??= [
    ...new Set([
      ...comparedMeasures,
      ...comparedReasonMeasures.map((key) => `byReason.${key}`),
      ...comparedGroupMeasures.map((key) => `byGroup.${key}`),
      ...[...comparedMeasures, ...comparedReasonMeasures, ...comparedGroupMeasures].map(measureKey),
    ]),
  ];
  return names;
}

/** What a margin of a share may be, in words (the one wording of flags and scenarios). */
const SHARE_MARGIN =
  'a margin of a share within [0, 1]: 0.02 or "2pt" for two percentage points, or "2%" for 2 % of the base';

/**
 * Read the margin a user sets for measure `name` (`--margin NAME=VALUE`, a scenario's
 * `measures.margins`): a number ≥ 0 in the measure's unit, `"2%"` of the base, or, for a share,
 * `"2pt"` (0.02). Returns the margin, or the problem without its path: an unknown name (with
 * "did you mean"), a value of no known form, `pt` for a measure that is not a share, or a
 * share's margin above 1 (a whole share: `serviceLevel: 2` meant 2 points and declared a
 * 6-point drop "equivalent").
 */
export function readMarginOverride(
  name: string,
  value: unknown,
): { margin: Margin } | { problem: Omit<InputProblem, 'path'> } {
  if (!marginNames().includes(name)) {
    const hint = didYouMeanHint(name, marginNames());
    return {
      problem: {
        expected:
          'the name of a measure compare reports: a key such as serviceLevel, or table.key such as cost.total or byReason.resolvedRate',
        received: JSON.stringify(name),
        ...(hint ? { hint } : {}),
      },
    };
  }
  const share = measureDefinition(name).unit === 'share';
  const points = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*pt\s*$/.exec(value) : null;
  if (points && !share)
    return {
      problem: {
        expected: `a margin in the measure's unit (${measureDefinition(name).unit}) or a percentage such as "2%" ("pt" is for shares)`,
        received: JSON.stringify(value),
      },
    };
  const margin = points ? { absolute: Number(points[1]) / 100 } : readMargin(value);
  const received = describeReceived(value);
  if (margin === undefined)
    return {
      problem: {
        expected: share ? SHARE_MARGIN : 'a number ≥ 0 or a percentage such as "2%"',
        received,
      },
    };
  if (share && 'absolute' in margin && margin.absolute > 1)
    return { problem: { expected: SHARE_MARGIN, received } };
  return { margin };
}
