import { WEEKDAY_KEYS } from '../calendar/weekdays.js';
/**
 * The published JSON Schema (draft 2020-12 subset that Ajv checks) of a scenario file. It fixes
 * the shape: which sections and fields exist, their types and ranges. What a schema cannot say
 * (a queue named in a reason exists, shares sum to 1, a time range is not reversed) is checked by
 * {@link parseScenario} afterwards. `docs/scenario-format.md` is the reader's version of it.
 */

const duration = {
  description: 'a duration: 26s, 3m, 1.5h or a number of seconds',
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|min|h)?\\s*$' },
  ],
};
const probability = { type: 'number', minimum: 0, maximum: 1 };
const distribution = {
  type: 'object',
  required: ['distribution'],
  properties: { distribution: { type: 'string' } },
};
const timeOfDay = { type: 'string', pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' };
const timeRange = {
  type: 'string',
  pattern: '^([01]\\d|2[0-4]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$',
};
const name = { type: 'string', minLength: 1 };
const callsPerDay = { type: 'number', minimum: 0, maximum: 1_000_000 };
const weekdayKeys = ['default', ...WEEKDAY_KEYS];
const byWeekday = (item: object) => ({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(weekdayKeys.map((k) => [k, item])),
});
/**
 * Per weekday (or default): the weight (calls counted, or a share) of each interval start
 * `HH:MM`; or the path of a CSV `interval_start,calls[,weekday]` relative to the scenario file.
 * (`if`/`else` rather than `anyOf`, so a bad weight is reported at its own path.)
 */
const intradayProfile = {
  if: { type: 'string' },
  then: { type: 'string', minLength: 1, maxLength: 4096 },
  else: byWeekday({
    type: 'object',
    propertyNames: timeOfDay,
    additionalProperties: { type: 'number', minimum: 0, maximum: 1e9 },
  }),
};
const redials = {
  type: 'object',
  additionalProperties: false,
  required: ['probability'],
  properties: {
    probability,
    delay: distribution,
    maxAttempts: { type: 'integer', minimum: 1 },
  },
};
/**
 * A roster step: `{ hours: 'HH:MM-HH:MM', operators }`, the format's one time-range syntax; the
 * older `{ from, to, operators }` is read as its equivalent (the parser wants one of the two).
 */
const rosterStep = {
  type: 'object',
  additionalProperties: false,
  required: ['operators'],
  dependentRequired: { from: ['to'], to: ['from'] },
  properties: {
    hours: timeRange,
    from: timeOfDay,
    to: timeOfDay,
    operators: { type: 'integer', minimum: 0, maximum: 100_000 },
  },
};

const shiftTemplate = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'starts', 'length'],
  properties: {
    name,
    starts: { type: 'array', minItems: 1, maxItems: 96, items: timeOfDay },
    length: duration,
    breaks: {
      type: 'array',
      maxItems: 8,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['length', 'between'],
        properties: { length: duration, between: timeRange, paid: { type: 'boolean' } },
      },
    },
    days: {
      type: 'array',
      minItems: 1,
      items: { enum: weekdayKeys.filter((k) => k !== 'default') },
    },
    min: { type: 'integer', minimum: 0, maximum: 100_000 },
    max: { type: 'integer', minimum: 0, maximum: 100_000 },
    costPerHour: { type: 'number', minimum: 0, maximum: 1_000_000 },
  },
};

/** The JSON Schema of a scenario file. */
export const scenarioSchema = {
  $id: 'https://switchboard.example/scenario.schema.json',
  $defs: {
    ivrOption: {
      type: 'object',
      additionalProperties: false,
      properties: {
        label: { type: 'string' },
        reasons: { type: 'array', items: name, minItems: 1 },
        queue: name,
        routes: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['to', 'probability'],
            properties: { to: name, probability },
          },
        },
        message: duration,
        options: { type: 'array', minItems: 1, items: { $ref: '#/$defs/ivrOption' } },
      },
    },
  },
  title: 'switchboard scenario',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'arrivals', 'reasons', 'queues'],
  properties: {
    name,
    description: { type: 'string' },
    calendar: {
      type: 'object',
      additionalProperties: false,
      properties: {
        timezone: { type: 'string' },
        intervalMinutes: { type: 'integer', enum: [5, 10, 15, 20, 30, 60] },
        startDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        openingHours: byWeekday({ type: 'array', items: timeRange }),
        closedDays: { type: 'array', items: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
      },
    },
    arrivals: {
      type: 'object',
      additionalProperties: false,
      properties: {
        forecast: { type: 'string', minLength: 1 },
        newCallShare: {
          description:
            "a share of the forecast's calls that are first attempts: a number above 0, at most 1",
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 1,
        },
        callsPerDay: {
          description: 'calls per day: a number from 0 to 1,000,000, or one per weekday',
          anyOf: [callsPerDay, byWeekday(callsPerDay)],
        },
        intradayProfile,
      },
    },
    reasons: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['handleTime', 'patience'],
        properties: {
          share: probability,
          handleTime: distribution,
          patience: distribution,
          queueCredit: duration,
          intradayProfile,
          queue: name,
          transfer: {
            type: 'object',
            additionalProperties: false,
            required: ['probability'],
            properties: {
              probability,
              to: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
              mode: { enum: ['warm', 'wild'] },
            },
          },
          redials,
          micro: { type: 'boolean' },
        },
      },
    },
    redials,
    queues: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          operators: byWeekday({ type: 'array', items: rosterStep }),
          wrapUp: distribution,
          helps: { type: 'array', items: name },
          order: { enum: ['own-first', 'oldest'] },
          callback: {
            type: 'object',
            additionalProperties: false,
            required: ['offerAfter', 'acceptance'],
            properties: {
              offerAfter: duration,
              acceptance: probability,
              answerProbability: probability,
              retryDelay: distribution,
              maxAttempts: { type: 'integer', minimum: 1 },
              noAnswerTime: duration,
            },
          },
        },
      },
    },
    lines: { type: 'integer', minimum: 1, maximum: 10_000_000 },
    transfers: {
      type: 'object',
      additionalProperties: false,
      properties: {
        mode: { enum: ['warm', 'wild'] },
        outcomes: {
          type: 'object',
          additionalProperties: false,
          properties: {
            answered: probability,
            ringOut: probability,
            voicemail: probability,
            bouncedBack: probability,
          },
        },
        ringTime: distribution,
        warmTimeout: duration,
        warmMessage: probability,
        messageTime: duration,
        maxBounces: { type: 'integer', minimum: 0, maximum: 50 },
      },
    },
    ivr: {
      type: 'object',
      additionalProperties: false,
      required: ['message', 'options', 'defaultQueue'],
      properties: {
        message: duration,
        perOption: duration,
        hangUpPerMinute: probability,
        cannotUse: probability,
        wrongOption: probability,
        defaultQueue: name,
        options: { type: 'array', minItems: 1, items: { $ref: '#/$defs/ivrOption' } },
      },
    },
    services: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          availability: {
            anyOf: [
              probability,
              {
                type: 'object',
                propertyNames: { anyOf: [{ const: 'default' }, timeRange] },
                additionalProperties: probability,
              },
            ],
          },
          voicemail: { enum: ['available', 'full', 'none'] },
        },
      },
    },
    outbound: {
      type: 'object',
      additionalProperties: false,
      required: ['callsPerDay'],
      properties: {
        callsPerDay: {
          description: 'calls per day: a number from 0 to 1,000,000, or one per weekday',
          anyOf: [callsPerDay, byWeekday(callsPerDay)],
        },
        hours: timeRange,
        answerProbability: probability,
        answeringMachine: probability,
        voicemailPolicy: { enum: ['leaveMessage', 'retry'] },
        retryDelay: distribution,
        maxAttempts: { type: 'integer', minimum: 1 },
        callBack: {
          type: 'object',
          additionalProperties: false,
          required: ['reason'],
          properties: { probability, delay: distribution, reason: name },
        },
      },
    },
    microFlows: {
      type: 'object',
      additionalProperties: false,
      properties: {
        handling: { enum: ['pool', 'dedicated'] },
        handleTimeFactor: { type: 'number', minimum: 0 },
        extraTransferProbability: probability,
        errorProbability: probability,
        dedicatedQueue: name,
      },
    },
    costs: {
      type: 'object',
      additionalProperties: false,
      properties: {
        currency: {
          type: 'string',
          pattern: '^[A-Z]{3}$',
          description: 'a currency code of three capital letters, such as EUR',
        },
        operatorHour: { type: 'number', minimum: 0, maximum: 1e6 },
        lostNeed: {
          description:
            'a price ≥ 0, or a price per reason such as { default: 6, appointments: 15 }',
          anyOf: [
            { type: 'number', minimum: 0, maximum: 1e6 },
            {
              type: 'object',
              propertyNames: { maxLength: 64 },
              additionalProperties: { type: 'number', minimum: 0, maximum: 1e6 },
            },
          ],
        },
        transfer: { type: 'number', minimum: 0, maximum: 1e6 },
        repeatAttempt: { type: 'number', minimum: 0, maximum: 1e6 },
        paidBreakHours: { type: 'number', minimum: 0, maximum: 1e6 },
      },
    },
    targets: {
      type: 'object',
      additionalProperties: false,
      properties: {
        serviceLevel: probability,
        threshold: duration,
        maxAbandon: probability,
        byQueue: {
          type: 'object',
          maxProperties: 100,
          propertyNames: { minLength: 1, maxLength: 64 },
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { serviceLevel: probability, maxAbandon: probability },
          },
        },
      },
    },
    callerGroups: {
      type: 'object',
      maxProperties: 20,
      propertyNames: { minLength: 1, maxLength: 64 },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['share'],
        properties: {
          share: probability,
          cannotUseMenu: probability,
          patienceFactor: { type: 'number', minimum: 0.01, maximum: 100 },
          handleTimeFactor: { type: 'number', minimum: 0.01, maximum: 100 },
        },
      },
    },
    shifts: {
      type: 'object',
      additionalProperties: { type: 'array', minItems: 1, maxItems: 100, items: shiftTemplate },
    },
    measures: {
      type: 'object',
      additionalProperties: false,
      properties: {
        serviceLevelTime: duration,
        shortAbandonTime: duration,
        margins: {
          type: 'object',
          propertyNames: { maxLength: 64 },
          additionalProperties: {
            description:
              'a margin: a number ≥ 0 in the measure\'s unit (0.01 or "1pt" is one point of a share, at most 1) or a share of the base such as "2%"',
            anyOf: [
              { type: 'number', minimum: 0, maximum: 1e12 },
              { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(%|pt)\\s*$' },
            ],
          },
        },
      },
    },
    variants: {
      type: 'object',
      additionalProperties: { type: 'object' },
    },
  },
} as const;
