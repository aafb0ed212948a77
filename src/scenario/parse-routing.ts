import { Deterministic } from '../random/distributions.js';
import type { ProblemList } from './problem-list.js';
import { readRedials, readTimeRange } from './read-fields.js';
import type {
  IvrMenu,
  IvrSpec,
  MicroFlowSpec,
  OutboundSpec,
  ReasonSpec,
  RedialSpec,
  RouteTarget,
  ServiceSpec,
  TransferSpec,
} from './scenario-types.js';
import { weekdays } from './scenario-types.js';
import { fixed } from '../units/fixed.js';

type Doc = Record<string, unknown>;

/** Longest queue credit a reason may get: one day. */
const MAX_QUEUE_CREDIT_SECONDS = 86_400;

/** A reason's queue credit in seconds (0 when absent), bounded to a day. */
function queueCredit(value: unknown, path: string, p: ProblemList): number {
  const seconds = p.duration(value, path, 0);
  if (seconds > MAX_QUEUE_CREDIT_SECONDS) {
    p.add(path, 'a queue credit of at most 24h', value);
    return 0;
  }
  return seconds;
}

/** The sections that say where calls go: reasons, services, transfers, IVR, outbound, micro-flows. */
export interface RoutingSections {
  reasons: ReasonSpec[];
  services: ServiceSpec[];
  transfers: TransferSpec;
  ivr: IvrSpec | undefined;
  outbound: OutboundSpec | undefined;
  microFlows: MicroFlowSpec | undefined;
}

/**
 * A service's availability per minute of the day (NaN where none is given): one number, or
 * `default` and time ranges `HH:MM-HH:MM` (the format's one range syntax, to the minute; 24:00
 * ends the day) whose values win over the default, later ranges over earlier ones.
 */
function parseAvailability(raw: unknown, path: string, p: ProblemList): Float64Array {
  const minutes = new Float64Array(1440).fill(Number.NaN);
  if (raw === undefined) return minutes;
  if (typeof raw === 'number') return minutes.fill(raw);
  const map = raw as Record<string, number>;
  if (map.default !== undefined) minutes.fill(map.default);
  for (const [key, value] of Object.entries(map)) {
    if (key === 'default') continue;
    const before = p.problems.length;
    const [from, to] = readTimeRange(key, `${path}.${key}`, p);
    if (p.problems.length === before) minutes.fill(value, from / 60, to / 60);
  }
  return minutes;
}

/**
 * Read the routing sections of a schema-valid scenario document, compiling names to indices and
 * recording every problem in `p`. Part of {@link parseScenario}.
 */
export function parseRoutingSections(
  doc: Doc,
  queueNames: readonly string[],
  redials: RedialSpec,
  p: ProblemList,
): RoutingSections {
  const rawReasons = doc.reasons as Record<string, Doc>;
  const reasonNames = Object.keys(rawReasons);

  // Services: declared, or implied by the transfers that name them.
  const rawServices = doc.services as Record<string, Doc> | undefined;
  const serviceNames = rawServices ? Object.keys(rawServices) : [];
  if (!rawServices) {
    for (const reason of Object.values(rawReasons)) {
      const to = (reason.transfer as Doc | undefined)?.to as Doc | undefined;
      for (const name of Object.keys(to ?? {}))
        if (!serviceNames.includes(name)) serviceNames.push(name);
    }
  }
  const services: ServiceSpec[] = serviceNames.map((name) => ({
    name,
    availability: parseAvailability(
      rawServices?.[name]?.availability,
      `services.${name}.availability`,
      p,
    ),
    voicemail:
      (rawServices?.[name]?.voicemail as ServiceSpec['voicemail'] | undefined) ?? 'available',
  }));

  const rawTransfers = (doc.transfers ?? {}) as Doc;
  const outcomesRaw = (rawTransfers.outcomes ?? {}) as Record<string, number | undefined>;
  const outcomes = {
    answered: outcomesRaw.answered ?? 1,
    ringOut: outcomesRaw.ringOut ?? 0,
    voicemail: outcomesRaw.voicemail ?? 0,
    bouncedBack: outcomesRaw.bouncedBack ?? 0,
  };
  const outcomeTotal =
    outcomes.answered + outcomes.ringOut + outcomes.voicemail + outcomes.bouncedBack;
  if (rawTransfers.outcomes !== undefined && Math.abs(outcomeTotal - 1) > 0.001)
    p.add(
      'transfers.outcomes',
      'shares summing to 1',
      `shares summing to ${fixed(outcomeTotal, 4)}`,
    );
  const transfers: TransferSpec = {
    mode: (rawTransfers.mode as 'warm' | 'wild' | undefined) ?? 'wild',
    outcomes,
    ringTime:
      rawTransfers.ringTime !== undefined
        ? p.distribution(rawTransfers.ringTime, 'transfers.ringTime')
        : new Deterministic(20),
    warmTimeoutSeconds: p.duration(rawTransfers.warmTimeout, 'transfers.warmTimeout', 30),
    warmMessage: (rawTransfers.warmMessage as number | undefined) ?? 0,
    messageSeconds: p.duration(rawTransfers.messageTime, 'transfers.messageTime', 30),
    maxBounces: (rawTransfers.maxBounces as number | undefined) ?? 3,
  };

  const micro = doc.microFlows as Doc | undefined;
  let shareTotal = 0;
  const reasons: ReasonSpec[] = reasonNames.map((name) => {
    const raw = rawReasons[name]!;
    const path = `reasons.${name}`;
    const transfer = raw.transfer as Doc | undefined;
    const to = (transfer?.to ?? {}) as Record<string, number>;
    const targets = Object.keys(to);
    let total = 0;
    for (const t of targets) total += to[t]!;
    if (transfer && (transfer.probability as number) > 0 && targets.length === 0)
      p.add(`${path}.transfer.to`, 'the services transferred to, with shares', undefined);
    if (targets.length > 0 && Math.abs(total - 1) > 0.01)
      p.add(
        `${path}.transfer.to`,
        'shares summing to 1 (±0.01)',
        `shares summing to ${fixed(total, 4)}`,
      );
    let running = 0;
    const share = (raw.share as number | undefined) ?? 0;
    shareTotal += share;
    const needsQueue = raw.queue === undefined && !(raw.micro && micro?.handling === 'dedicated');
    if (needsQueue && doc.ivr === undefined)
      p.add(`${path}.queue`, 'the queue these callers wait in (there is no ivr)', undefined);
    return {
      name,
      share,
      handleTime: p.distribution(raw.handleTime, `${path}.handleTime`),
      patience: p.distribution(raw.patience, `${path}.patience`),
      queueCreditSeconds: queueCredit(raw.queueCredit, `${path}.queueCredit`, p),
      queue:
        raw.queue !== undefined ? p.reference(raw.queue, queueNames, `${path}.queue`, 'queue') : -1,
      transfer: {
        probability: (transfer?.probability as number | undefined) ?? 0,
        services: targets.map((t, i) =>
          p.reference(t, serviceNames, `${path}.transfer.to.${targets[i]}`, 'service'),
        ),
        cumulative: targets.map((t) => {
          running += to[t]! / (total || 1);
          return running;
        }),
        mode: transfer?.mode as 'warm' | 'wild' | undefined,
      },
      redials: readRedials(raw.redials as Doc | undefined, `${path}.redials`, p, redials),
      micro: raw.micro === true,
    };
  });
  const arrivals = doc.arrivals as Doc;
  const anyArrivals =
    arrivals.forecast === undefined &&
    (typeof arrivals.callsPerDay === 'number' ? arrivals.callsPerDay > 0 : true);
  if (anyArrivals && Math.abs(shareTotal - 1) > 0.01)
    p.add(
      'reasons',
      'shares of arrivals summing to 1 (±0.01)',
      `shares summing to ${fixed(shareTotal, 4)}`,
    );
  else if (shareTotal > 0) for (const r of reasons) r.share /= shareTotal;

  let ivr: IvrSpec | undefined;
  const rawIvr = doc.ivr as Doc | undefined;
  if (rawIvr) {
    const targetOf = (to: string, path: string): RouteTarget => {
      if (to === 'selfService') return { kind: 'selfService' };
      const q = queueNames.indexOf(to);
      if (q >= 0) return { kind: 'queue', index: q };
      const s = serviceNames.indexOf(to);
      if (s >= 0) return { kind: 'service', index: s };
      p.reference(
        to,
        [...queueNames, ...serviceNames, 'selfService'],
        path,
        'queue, service or selfService',
      );
      return { kind: 'selfService' };
    };
    const chosen = new Map<number, string>();
    const menus: IvrMenu[] = [];
    const parseMenu = (rawOptions: Doc[], path: string, messageSeconds: number): number => {
      const index = menus.length;
      const menu: IvrMenu = { path, messageSeconds, options: [] };
      menus.push(menu);
      menu.options = rawOptions.map((o, i) => {
        const at = `${path}.options[${i}]`;
        const label = (o.label as string | undefined) ?? `option ${i + 1}`;
        if (o.options !== undefined) {
          if (o.routes !== undefined || o.queue !== undefined || o.reasons !== undefined)
            p.add(
              at,
              'either a sub-menu (options) or reasons with routes or a queue, not both',
              'both',
            );
          const submenu = parseMenu(
            o.options as Doc[],
            at,
            p.duration(o.message, `${at}.message`, 0),
          );
          const reasons = menus[submenu]!.options.flatMap((sub) => sub.reasons);
          return { label, reasons, routes: [], submenu };
        }
        if (o.reasons === undefined) {
          p.add(
            `${at}.reasons`,
            'the reasons whose callers choose this option (or a sub-menu)',
            undefined,
          );
          return { label, reasons: [], routes: [], submenu: -1 };
        }
        const reasonsOf = (o.reasons as string[]).map((r, j) => {
          const reason = p.reference(r, reasonNames, `${at}.reasons[${j}]`, 'reason');
          if (reason >= 0 && chosen.has(reason))
            p.add(
              `${at}.reasons[${j}]`,
              `a reason in one option only (already in ${chosen.get(reason)})`,
              r,
            );
          chosen.set(reason, at);
          return reason;
        });
        let routes = o.routes as Doc[] | undefined;
        if (routes === undefined && o.queue !== undefined)
          routes = [{ to: o.queue, probability: 1 }];
        if (routes === undefined) {
          p.add(`${at}.routes`, 'routes (or a queue) for this option', undefined);
          routes = [];
        }
        let total = 0;
        const compiled = routes.map((r, j) => {
          total += r.probability as number;
          return { probability: total, target: targetOf(r.to as string, `${at}.routes[${j}].to`) };
        });
        if (routes.length > 0 && Math.abs(total - 1) > 0.001)
          p.add(
            `${at}.routes`,
            'route probabilities summing to 1',
            `probabilities summing to ${fixed(total, 4)}`,
          );
        return { label, reasons: reasonsOf, routes: compiled, submenu: -1 };
      });
      return index;
    };
    parseMenu(rawIvr.options as Doc[], 'ivr', p.duration(rawIvr.message, 'ivr.message', 30));
    ivr = {
      menus,
      messageSeconds: menus[0]!.messageSeconds,
      perOptionSeconds: p.duration(rawIvr.perOption, 'ivr.perOption', 4),
      hangUpPerMinute: (rawIvr.hangUpPerMinute as number | undefined) ?? 0,
      cannotUse: (rawIvr.cannotUse as number | undefined) ?? 0,
      wrongOption: (rawIvr.wrongOption as number | undefined) ?? 0,
      defaultQueue: p.reference(rawIvr.defaultQueue, queueNames, 'ivr.defaultQueue', 'queue'),
      options: menus[0]!.options,
    };
  }

  let outbound: OutboundSpec | undefined;
  const rawOut = doc.outbound as Doc | undefined;
  if (rawOut) {
    const perDay = rawOut.callsPerDay;
    const callsPerDay =
      typeof perDay === 'number'
        ? weekdays.map(() => perDay)
        : weekdays.map((d) => ((perDay as Doc)[d] ?? (perDay as Doc).default ?? 0) as number);
    const [fromSeconds, toSeconds] = readTimeRange(
      (rawOut.hours as string | undefined) ?? '09:00-17:00',
      'outbound.hours',
      p,
    );
    const callBack = (rawOut.callBack ?? {}) as Doc;
    outbound = {
      callsPerDay,
      fromSeconds,
      toSeconds,
      answerProbability: (rawOut.answerProbability as number | undefined) ?? 0.6,
      answeringMachine: (rawOut.answeringMachine as number | undefined) ?? 0.7,
      policy: (rawOut.voicemailPolicy as 'leaveMessage' | 'retry' | undefined) ?? 'leaveMessage',
      retryDelay:
        rawOut.retryDelay !== undefined
          ? p.distribution(rawOut.retryDelay, 'outbound.retryDelay')
          : new Deterministic(7200),
      maxAttempts: (rawOut.maxAttempts as number | undefined) ?? 3,
      callBackProbability: (callBack.probability as number | undefined) ?? 0.7,
      callBackDelay:
        callBack.delay !== undefined
          ? p.distribution(callBack.delay, 'outbound.callBack.delay')
          : new Deterministic(3600),
      callBackReason:
        rawOut.callBack !== undefined
          ? p.reference(callBack.reason, reasonNames, 'outbound.callBack.reason', 'reason')
          : p.reference(undefined, reasonNames, 'outbound.callBack.reason', 'reason'),
    };
  }

  let microFlows: MicroFlowSpec | undefined;
  if (micro) {
    const handling = (micro.handling as 'pool' | 'dedicated' | undefined) ?? 'pool';
    microFlows = {
      handling,
      handleTimeFactor: (micro.handleTimeFactor as number | undefined) ?? 1.5,
      extraTransferProbability: (micro.extraTransferProbability as number | undefined) ?? 0.2,
      errorProbability: (micro.errorProbability as number | undefined) ?? 0.1,
      dedicatedQueue:
        handling === 'dedicated' || micro.dedicatedQueue !== undefined
          ? p.reference(micro.dedicatedQueue, queueNames, 'microFlows.dedicatedQueue', 'queue')
          : -1,
    };
  }

  return { reasons, services, transfers, ivr, outbound, microFlows };
}
