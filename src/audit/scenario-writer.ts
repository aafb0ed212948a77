import type { CalibratedParameters } from './calibration.js';

/**
 * Serialise calibrated parameters as a scenario document for the switchboard model. The
 * scenario format is being defined in `docs/scenario-format.md`; until it lands this writes a
 * provisional `calibrated-from-records` document holding every calibrated value under plain
 * names, with `format: provisional` so a reader can refuse it explicitly.
 */
export function calibrationToScenario(p: CalibratedParameters): Record<string, unknown> {
  const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  const profile: Record<string, Record<string, number>> = {};
  for (const a of p.arrivals) {
    const day = weekdays[a.weekday]!;
    profile[day] ??= {};
    profile[day]![a.intervalStart] = Number(a.callsPerDay.toFixed(3));
  }
  const round = (x: number | null) => (x === null ? null : Number(x.toFixed(3)));
  return {
    format: 'provisional',
    source: 'switchboard audit (calibrated from records)',
    timeZone: p.timeZone,
    arrivals: {
      intervalMinutes: p.intervalMinutes,
      daysObserved: p.daysObserved,
      callsPerDay: profile,
    },
    routes: p.queues.map((q) => ({
      queue: q.name,
      share: round(q.share),
      meanTalkSeconds: round(q.meanTalkSeconds),
    })),
    handleTime: { meanSeconds: round(p.handleTimeSeconds.mean), cv: round(p.handleTimeSeconds.cv) },
    patience: {
      distribution: 'exponential',
      meanSeconds: round(p.patience.exponentialMeanSeconds),
      kaplanMeierMedianSeconds: p.patience.medianSeconds,
    },
    redial: {
      probability: round(p.redial.probability),
      windowSeconds: p.redial.windowSeconds,
      delayMedianSeconds: p.redial.delayMedianSeconds,
      delayP90Seconds: p.redial.delayP90Seconds,
    },
    transfers: {
      shareOfAnswered: round(p.transfers.shareOfAnswered),
      blindShare: round(p.transfers.blindShare),
      attendedShare: round(p.transfers.attendedShare),
      bouncedShare: round(p.transfers.bouncedShare),
    },
    staffingSeen: p.staffingSeen.map((s) => ({
      weekday: weekdays[s.weekday],
      hour: s.hour,
      agents: round(s.agents),
    })),
  };
}
