/**
 * Turn the counts of a simulation or an audit into the nodes and links of the call-path flow
 * diagram: offered → busy | IVR → hung up | resolved by menu | queue → answered | abandoned |
 * still waiting → resolved by operator | warm / wild transfer → service answered | bounced back
 * | lost. Stages whose counts are absent are left out. Bounced-back calls queue again; the flow
 * shows them as an outcome of the transfer (a loop would hide the count). Cost: O(1).
 */

import type { FlowLink, FlowNode } from './flow-layout.js';

/** What became of transfers of one kind. */
export interface TransferOutcomes {
  /** The service answered. */
  answered: number;
  /** The call came back to the switchboard. */
  bouncedBack: number;
  /** Rang out, full voicemail, caller hung up. */
  lost: number;
  /** The service's voicemail took a message (the service calls back). */
  voicemail?: number;
  /** Warm: the service did not answer and the operator took the caller back. */
  takenBack?: number;
}

/** The counts along a call's path (means over replications, or audited counts). */
export interface CallPathCounts {
  offered: number;
  /** Found every line busy. */
  busy?: number;
  /** IVR stage, when there is a menu. */
  ivr?: { hungUp: number; resolved: number };
  answered: number;
  abandoned: number;
  /** Still queued when the horizon ended. */
  inSystemAtEnd?: number;
  transfers?: { warm?: TransferOutcomes; wild?: TransferOutcomes };
  /** Answered misrouted callers the operator put through to the right queue (they queue again). */
  putThrough?: number;
}

const sum = (t: TransferOutcomes | undefined) =>
  t ? t.answered + t.bouncedBack + t.lost + (t.voicemail ?? 0) + (t.takenBack ?? 0) : 0;

/** Nodes and links of the call-path flow for {@link CallPathCounts}. */
export function callPathFlow(counts: CallPathCounts): { nodes: FlowNode[]; links: FlowLink[] } {
  const nodes: FlowNode[] = [{ id: 'offered', label: 'Offered' }];
  const links: FlowLink[] = [];
  const busy = counts.busy ?? 0;
  let upstream = 'offered';
  let entering = counts.offered - busy;
  if (counts.ivr) {
    // With no busy calls the IVR stage holds every call offered: one column, not two equal
    // ones whose labels would overlap.
    const ivr = busy > 0 ? 'ivr' : 'offered';
    if (busy > 0) {
      nodes.push({ id: 'ivr', label: 'IVR menu' });
      links.push({ source: 'offered', target: 'ivr', value: entering });
    }
    nodes.push({ id: 'ivr-resolved', label: 'Resolved by menu', kind: 'good' });
    nodes.push({ id: 'ivr-hung-up', label: 'Hung up in menu', kind: 'bad' });
    links.push({ source: ivr, target: 'ivr-resolved', value: counts.ivr.resolved });
    links.push({ source: ivr, target: 'ivr-hung-up', value: counts.ivr.hungUp });
    upstream = ivr;
    entering -= counts.ivr.resolved + counts.ivr.hungUp;
  }
  nodes.push({ id: 'queue', label: 'Queue' });
  links.push({ source: upstream, target: 'queue', value: Math.max(0, entering) });
  nodes.push({ id: 'busy', label: 'Busy', kind: 'bad' });
  links.push({ source: 'offered', target: 'busy', value: busy });
  nodes.push({ id: 'answered', label: 'Answered' });
  links.push({ source: 'queue', target: 'answered', value: counts.answered });
  nodes.push({ id: 'abandoned', label: 'Abandoned', kind: 'bad' });
  links.push({ source: 'queue', target: 'abandoned', value: counts.abandoned });
  nodes.push({ id: 'waiting', label: 'Still waiting at end' });
  links.push({ source: 'queue', target: 'waiting', value: counts.inSystemAtEnd ?? 0 });
  const warm = counts.transfers?.warm;
  const wild = counts.transfers?.wild;
  nodes.push({ id: 'resolved', label: 'Resolved by operator', kind: 'good' });
  links.push({
    source: 'answered',
    target: 'resolved',
    value: Math.max(0, counts.answered - sum(warm) - sum(wild) - (counts.putThrough ?? 0)),
  });
  if (counts.putThrough) {
    nodes.push({ id: 'put-through', label: 'Put through to another queue', kind: 'loop' });
    links.push({ source: 'answered', target: 'put-through', value: counts.putThrough });
  }
  for (const [id, label, outcomes] of [
    ['warm', 'Warm transfer', warm],
    ['wild', 'Wild transfer', wild],
  ] as const) {
    if (!outcomes) continue;
    nodes.push({ id, label });
    links.push({ source: 'answered', target: id, value: sum(outcomes) });
  }
  nodes.push({ id: 'service', label: 'Service answered', kind: 'good' });
  nodes.push({ id: 'bounced', label: 'Bounced back', kind: 'loop' });
  nodes.push({ id: 'lost', label: 'Lost after transfer', kind: 'bad' });
  const hasVoicemail = (warm?.voicemail ?? 0) + (wild?.voicemail ?? 0) > 0;
  const hasTakenBack = (warm?.takenBack ?? 0) + (wild?.takenBack ?? 0) > 0;
  if (hasVoicemail) nodes.push({ id: 'voicemail', label: 'Service voicemail' });
  if (hasTakenBack) nodes.push({ id: 'taken-back', label: 'Taken back by operator' });
  for (const [id, outcomes] of [
    ['warm', warm],
    ['wild', wild],
  ] as const) {
    if (!outcomes) continue;
    links.push({ source: id, target: 'service', value: outcomes.answered });
    links.push({ source: id, target: 'bounced', value: outcomes.bouncedBack });
    links.push({ source: id, target: 'lost', value: outcomes.lost });
    if (hasVoicemail)
      links.push({ source: id, target: 'voicemail', value: outcomes.voicemail ?? 0 });
    if (hasTakenBack)
      links.push({ source: id, target: 'taken-back', value: outcomes.takenBack ?? 0 });
  }
  return { nodes, links };
}
