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
  resolved: {
    label: 'Needs resolved',
    unit: 'share',
    definition: 'Share of needs eventually resolved, at any attempt.',
    higherIsBetter: true,
  },
  resolvedFirstContact: {
    label: 'Resolved at first contact',
    unit: 'share',
    definition: 'Share of needs resolved by the first call, without a redial or a bounce.',
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

/** How to present the measure named `name` (a JSON key such as `probabilityAbandon`). */
export function measureInfo(name: string): MeasureInfo {
  const known = CATALOGUE[name];
  if (known) return known;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  const unit: ValueUnit = /seconds$/i.test(name)
    ? 'seconds'
    : /(rate|share|probability)/i.test(name)
      ? 'share'
      : 'number';
  return { label: words.charAt(0).toUpperCase() + words.slice(1), unit, definition: words };
}
