/**
 * The flow of calls from the outcome partition `simulate --json` reports in `overall`: every
 * call offered ends in exactly one of busy, closed, hung up in the menu, resolved by the menu,
 * abandoned, took a callback, completed, transfer failed — or is still in the system at the end
 * (docs/simulate.md; the model's tests check that they add up to `offered`). Drawn as offered →
 * (menu →) queue → outcome. Means over replications add up the same way, since a mean is
 * linear. Cost: O(1).
 */

import type { FlowLink, FlowNode } from './flow-layout.js';

/** The outcome counts of {@link callOutcomeFlow} (means over replications). */
export interface CallOutcomeCounts {
  offered: number;
  busy: number;
  closed: number;
  ivrAbandoned: number;
  ivrResolved: number;
  abandoned: number;
  callbackAccepted: number;
  completed: number;
  transferFailed: number;
  inSystemAtEnd: number;
}

const KEYS = [
  'offered',
  'busy',
  'closed',
  'ivrAbandoned',
  'ivrResolved',
  'abandoned',
  'callbackAccepted',
  'completed',
  'transferFailed',
  'inSystemAtEnd',
] as const;

/**
 * The outcome counts from a `simulate --json`-shaped `overall` (`{ name: { mean } }`), or
 * undefined when one of them is missing.
 */
export function callOutcomesOf(
  overall: Readonly<Record<string, { mean: number } | undefined>>,
): CallOutcomeCounts | undefined {
  const counts: Partial<Record<(typeof KEYS)[number], number>> = {};
  for (const key of KEYS) {
    const mean = overall[key]?.mean;
    if (mean === undefined || !Number.isFinite(mean)) return undefined;
    counts[key] = mean;
  }
  return counts as CallOutcomeCounts;
}

/** Nodes and links: offered → busy / closed / (menu →) queue → the queue's outcomes. */
export function callOutcomeFlow(c: CallOutcomeCounts): { nodes: FlowNode[]; links: FlowLink[] } {
  const nodes: FlowNode[] = [
    { id: 'offered', label: 'Offered' },
    { id: 'busy', label: 'Busy', kind: 'bad' },
    { id: 'closed', label: 'Closed', kind: 'bad' },
  ];
  const links: FlowLink[] = [
    { source: 'offered', target: 'busy', value: c.busy },
    { source: 'offered', target: 'closed', value: c.closed },
  ];
  const queued =
    c.abandoned + c.callbackAccepted + c.completed + c.transferFailed + c.inSystemAtEnd;
  let upstream = 'offered';
  if (c.ivrAbandoned + c.ivrResolved > 0) {
    nodes.push(
      { id: 'ivr', label: 'IVR menu' },
      { id: 'ivr-hung-up', label: 'Hung up in menu', kind: 'bad' },
      { id: 'ivr-resolved', label: 'Resolved by menu', kind: 'good' },
    );
    links.push(
      { source: 'offered', target: 'ivr', value: c.ivrAbandoned + c.ivrResolved + queued },
      { source: 'ivr', target: 'ivr-hung-up', value: c.ivrAbandoned },
      { source: 'ivr', target: 'ivr-resolved', value: c.ivrResolved },
    );
    upstream = 'ivr';
  }
  nodes.push(
    { id: 'queue', label: 'Queue' },
    { id: 'completed', label: 'Completed', kind: 'good' },
    { id: 'transfer-failed', label: 'Transfer failed', kind: 'bad' },
    { id: 'abandoned', label: 'Abandoned', kind: 'bad' },
    { id: 'callback', label: 'Took a callback' },
    { id: 'waiting', label: 'Still in system at end' },
  );
  links.push(
    { source: upstream, target: 'queue', value: queued },
    { source: 'queue', target: 'completed', value: c.completed },
    { source: 'queue', target: 'transfer-failed', value: c.transferFailed },
    { source: 'queue', target: 'abandoned', value: c.abandoned },
    { source: 'queue', target: 'callback', value: c.callbackAccepted },
    { source: 'queue', target: 'waiting', value: c.inSystemAtEnd },
  );
  return { nodes, links };
}
