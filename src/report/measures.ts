/**
 * What each measure of a simulation, comparison or audit is called in a report, its unit, its
 * definition in plain words and which direction is better. Key names mirror the JSON of
 * `simulate` / `compare` / `audit` (issues 5 and 7), so a result maps onto a report by name.
 * Unknown names still render, with a label made from the camelCase key.
 */

import type { ValueUnit } from './format.js';

/** How a report presents one measure. */
export interface MeasureInfo {
  /** Label with a capital: `Abandonment`. */
  label: string;
  unit: ValueUnit;
  definition: string;
  /** True when more is better, false when less is better, absent when neither. */
  higherIsBetter?: boolean;
}

const CATALOGUE: Record<string, MeasureInfo> = {
  offered: {
    label: 'Calls offered',
    unit: 'count',
    definition: 'Calls that reached the switchboard, including those that found every line busy.',
  },
  answered: {
    label: 'Calls answered',
    unit: 'count',
    definition: 'Calls answered by an operator.',
    higherIsBetter: true,
  },
  abandoned: {
    label: 'Calls abandoned',
    unit: 'count',
    definition: 'Callers who hung up while waiting in the queue.',
    higherIsBetter: false,
  },
  shortAbandoned: {
    label: 'Short abandons',
    unit: 'count',
    definition: 'Abandons within the first few seconds of waiting (often misdials).',
  },
  busy: {
    label: 'Busy signals',
    unit: 'count',
    definition: 'Calls that found every line (trunk) busy and never entered the switchboard.',
    higherIsBetter: false,
  },
  inSystemAtEnd: {
    label: 'Still waiting at end',
    unit: 'count',
    definition: 'Calls still queued or in progress when the simulated horizon ended.',
  },
  transfers: {
    label: 'Transfers',
    unit: 'count',
    definition: 'Calls the operator put through to a service.',
  },
  transfersWarm: {
    label: 'Warm transfers',
    unit: 'count',
    definition: 'Transfers where the operator stayed on the line until the service answered.',
  },
  transfersWild: {
    label: 'Wild transfers',
    unit: 'count',
    definition: 'Blind transfers: the caller is put through without checking anyone is there.',
    higherIsBetter: false,
  },
  failedTransfers: {
    label: 'Failed transfers',
    unit: 'count',
    definition: 'Transfers that rang out, reached a full voicemail or were lost.',
    higherIsBetter: false,
  },
  bouncedBack: {
    label: 'Bounced back',
    unit: 'count',
    definition: 'Transferred calls that came back to the switchboard and queued again.',
    higherIsBetter: false,
  },
  callbacks: {
    label: 'Callbacks',
    unit: 'count',
    definition: 'Calls the switchboard returned after offering a callback instead of waiting.',
  },
  voicemailCalls: {
    label: 'Voicemail-generated calls',
    unit: 'count',
    definition: 'Inbound calls from patients returning a voicemail message left by the hospital.',
    higherIsBetter: false,
  },
  serviceLevel: {
    label: 'Service level',
    unit: 'share',
    definition:
      'Share of calls answered within the threshold; the denominator is stated with the figure.',
    higherIsBetter: true,
  },
  asaSeconds: {
    label: 'Average speed of answer',
    unit: 'seconds',
    definition: 'Mean wait before an operator answered, over answered calls.',
    higherIsBetter: false,
  },
  probabilityAbandon: {
    label: 'Abandonment',
    unit: 'share',
    definition: 'Share of calls entering the queue whose caller hung up before an answer.',
    higherIsBetter: false,
  },
  abandonRate: {
    label: 'Abandonment',
    unit: 'share',
    definition: 'Share of calls entering the queue whose caller hung up before an answer.',
    higherIsBetter: false,
  },
  occupancy: {
    label: 'Operator occupancy',
    unit: 'share',
    definition: 'Share of staffed operator time spent handling calls (talk and wrap-up).',
  },
  attemptsPerNeed: {
    label: 'Attempts per need',
    unit: 'number',
    definition: 'Calls a caller made for one problem, across redials and bounced transfers.',
    higherIsBetter: false,
  },
  totalWaitSeconds: {
    label: 'Total wait per need',
    unit: 'seconds',
    definition: 'Waiting summed over every attempt made for one need.',
    higherIsBetter: false,
  },
  transfersPerNeed: {
    label: 'Transfers per need',
    unit: 'number',
    definition: 'Transfers summed over every attempt made for one need.',
    higherIsBetter: false,
  },
  needs: {
    label: 'Needs',
    unit: 'count',
    definition: "Callers' problems created over the horizon (one need spans all its attempts).",
  },
  resolved: {
    label: 'Needs resolved',
    unit: 'count',
    definition: 'Needs eventually resolved, at any attempt.',
    higherIsBetter: true,
  },
  unresolved: {
    label: 'Needs unresolved',
    unit: 'count',
    definition: 'Needs whose caller gave up or ran out of attempts.',
    higherIsBetter: false,
  },
  openAtEnd: {
    label: 'Needs open at end',
    unit: 'count',
    definition: 'Needs still being pursued when the horizon ended.',
  },
  resolvedRate: {
    label: 'Needs resolved (share)',
    unit: 'share',
    definition: 'Resolved needs, of needs that ended (resolved or unresolved).',
    higherIsBetter: true,
  },
  firstContactResolution: {
    label: 'Resolved at first contact',
    unit: 'share',
    definition: 'Needs resolved by their first attempt, of needs that ended.',
    higherIsBetter: true,
  },
  operatorHours: {
    label: 'Operator hours',
    unit: 'number',
    definition: 'Staffed operator hours over the horizon.',
  },
  total: {
    label: 'Total cost',
    unit: 'currency',
    definition: 'Operator time plus the cost of lost calls, transfers and repeat attempts.',
    higherIsBetter: false,
  },
  costPerHandledCall: {
    label: 'Cost per handled call',
    unit: 'currency',
    definition: 'Total cost divided by calls answered.',
    higherIsBetter: false,
  },
};

/**
 * How to present the measure named `name` (a JSON key such as `probabilityAbandon`, or a
 * `compare --json` name with its table: `overall.serviceLevel`, `needs.attemptsPerNeed`,
 * `cost.total`).
 */
export function measureInfo(name: string): MeasureInfo {
  const table = /^(overall|needs|cost)\.(.+)$/.exec(name);
  const key = table ? table[2]! : name;
  const known = CATALOGUE[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  // Whole words only: `voicemailGeneratedCalls` is a count, not a rate.
  const unit: ValueUnit = /seconds$/i.test(key)
    ? 'seconds'
    : /(^|\s)(rate|share|probability)(\s|$)/.test(words)
      ? 'share'
      : table?.[1] === 'cost'
        ? 'currency'
        : 'number';
  return { label: words.charAt(0).toUpperCase() + words.slice(1), unit, definition: words };
}
