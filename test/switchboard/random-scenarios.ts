import fc from 'fast-check';
import { flatProfile } from './scenario-builders.js';

const dist = fc.oneof(
  fc.record({ distribution: fc.constant('exponential'), mean: fc.integer({ min: 5, max: 400 }) }),
  fc.record({
    distribution: fc.constant('lognormal'),
    mean: fc.integer({ min: 5, max: 200 }),
    cv: fc.double({ min: 0, max: 2, noNaN: true }),
  }),
  fc.record({
    distribution: fc.constant('deterministic'),
    value: fc.integer({ min: 0, max: 300 }),
  }),
  fc.record({
    distribution: fc.constant('uniform'),
    min: fc.constant(0),
    max: fc.integer({ min: 0, max: 300 }),
  }),
);
const prob = fc.double({ min: 0, max: 1, noNaN: true });

function shares(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: 10 }), { minLength: n, maxLength: n }).map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  });
}

/**
 * Random valid scenario documents exercising every part of the model: IVR, several queues that
 * help each other, rosters with gaps, lines, warm and wild transfers with bounces, redials,
 * callbacks, outbound voicemail, micro-flows, closed hours. Small volumes so a run is quick.
 */
export const randomScenarioDocument: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    nQueues: fc.integer({ min: 1, max: 3 }),
    nReasons: fc.integer({ min: 1, max: 4 }),
    nServices: fc.integer({ min: 1, max: 2 }),
    callsPerDay: fc.integer({ min: 0, max: 600 }),
    lines: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    ivr: fc.boolean(),
    outbound: fc.boolean(),
    micro: fc.constantFrom('none', 'pool', 'dedicated'),
    mode: fc.constantFrom('warm', 'wild'),
    openFrom: fc.integer({ min: 0, max: 12 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .chain((b) =>
    fc.record({
      base: fc.constant(b),
      reasonShares: shares(b.nReasons),
      operators: fc.array(fc.integer({ min: 0, max: 4 }), {
        minLength: b.nQueues * 2,
        maxLength: b.nQueues * 2,
      }),
      handle: fc.array(dist, { minLength: b.nReasons, maxLength: b.nReasons }),
      patience: fc.array(dist, { minLength: b.nReasons, maxLength: b.nReasons }),
      transferP: fc.array(prob, { minLength: b.nReasons, maxLength: b.nReasons }),
      reasonQueue: fc.array(fc.integer({ min: 0, max: b.nQueues - 1 }), {
        minLength: b.nReasons,
        maxLength: b.nReasons,
      }),
      outcomes: shares(4),
      availability: fc.array(prob, { minLength: b.nServices, maxLength: b.nServices }),
      redial: fc.record({
        probability: prob,
        maxAttempts: fc.integer({ min: 1, max: 5 }),
        delay: dist,
      }),
      ivrProbabilities: fc.tuple(prob, prob, prob, prob),
      callback: fc.option(
        fc.record({
          offerAfter: fc.integer({ min: 0, max: 120 }),
          acceptance: prob,
          answerProbability: prob,
        }),
        { nil: undefined },
      ),
      outboundParams: fc.tuple(fc.integer({ min: 0, max: 80 }), prob, prob, fc.boolean()),
      microParams: fc.tuple(prob, prob),
      ring: dist,
      maxBounces: fc.integer({ min: 0, max: 5 }),
    }),
  )
  .map((g) => {
    const b = g.base;
    const queues: Record<string, unknown> = {};
    for (let q = 0; q < b.nQueues; q++) {
      queues[`q${q}`] = {
        operators: {
          default: [
            { from: '00:00', to: '10:00', operators: g.operators[2 * q] },
            { from: '12:00', to: '24:00', operators: g.operators[2 * q + 1] },
          ],
        },
        wrapUp: { distribution: 'deterministic', value: 3 },
        helps: q > 0 ? ['q0'] : [],
        ...(g.callback && q === 0
          ? { callback: { ...g.callback, retryDelay: { distribution: 'exponential', mean: 600 } } }
          : {}),
      };
    }
    const services: Record<string, unknown> = {};
    for (let s = 0; s < b.nServices; s++)
      services[`s${s}`] = {
        availability: g.availability[s],
        voicemail: s === 0 ? 'full' : 'available',
      };
    const reasons: Record<string, unknown> = {};
    for (let r = 0; r < b.nReasons; r++) {
      reasons[`r${r}`] = {
        share: g.reasonShares[r],
        handleTime: g.handle[r],
        patience: g.patience[r],
        queue: `q${g.reasonQueue[r]}`,
        micro: b.micro !== 'none' && r === b.nReasons - 1,
        transfer: { probability: g.transferP[r], to: { s0: 1 } },
      };
    }
    const [o1, o2, o3, o4] = g.outcomes;
    const doc: Record<string, unknown> = {
      name: `random ${b.seed}`,
      calendar: { openingHours: { default: [`${String(b.openFrom).padStart(2, '0')}:00-23:00`] } },
      arrivals: { callsPerDay: b.callsPerDay, intradayProfile: { default: flatProfile() } },
      reasons,
      queues,
      services,
      redials: g.redial,
      transfers: {
        mode: b.mode,
        outcomes: { answered: o1, ringOut: o2, voicemail: o3, bouncedBack: o4 },
        warmMessage: 0.5,
        ringTime: g.ring,
        maxBounces: g.maxBounces,
      },
      costs: { operatorHour: 30, lostNeed: 5, transfer: 1, repeatAttempt: 2 },
    };
    if (b.lines !== undefined) doc.lines = b.lines;
    if (b.ivr) {
      const [hang, cannot, wrong, self] = g.ivrProbabilities;
      doc.ivr = {
        message: 20,
        hangUpPerMinute: hang,
        cannotUse: cannot,
        wrongOption: wrong,
        defaultQueue: 'q0',
        options: [
          {
            reasons: ['r0'],
            routes: [
              { to: 'selfService', probability: self },
              { to: 'q0', probability: 1 - self },
            ],
          },
          ...(b.nReasons > 1
            ? [
                {
                  label: 'sub-menu',
                  message: 5,
                  options: [
                    {
                      reasons: ['r1'],
                      routes: [
                        { to: 's0', probability: 0.5 },
                        { to: `q${b.nQueues - 1}`, probability: 0.5 },
                      ],
                    },
                    ...(b.nReasons > 2 ? [{ reasons: ['r2'], queue: 'q0' }] : []),
                  ],
                },
              ]
            : []),
        ],
      };
    }
    if (b.outbound) {
      const [perDay, answer, machine, leave] = g.outboundParams;
      doc.outbound = {
        callsPerDay: perDay,
        answerProbability: answer,
        answeringMachine: machine,
        voicemailPolicy: leave ? 'leaveMessage' : 'retry',
        callBack: {
          probability: 0.8,
          delay: { distribution: 'exponential', mean: 3600 },
          reason: 'r0',
        },
      };
    }
    if (b.micro !== 'none') {
      doc.microFlows = {
        handling: b.micro,
        errorProbability: g.microParams[0],
        extraTransferProbability: g.microParams[1],
        ...(b.micro === 'dedicated' ? { dedicatedQueue: `q${b.nQueues - 1}` } : {}),
      };
    }
    return doc;
  });
