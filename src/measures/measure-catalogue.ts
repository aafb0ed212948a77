/**
 * The one home of every measure the commands print: its label, its definition in plain words,
 * its unit and which direction is better. `simulate` and `compare` (text and JSON), the report
 * pages and the verdicts all read it, so a measure cannot be money in one place and a count in
 * another, or better when higher in one list and lower in the next.
 *
 * A measure is found by its key (`serviceLevel`) or by a `compare` name with its table
 * (`overall.serviceLevel`, `cost.total`, `byReason.resolvedRate`): one key means one thing
 * whatever the table. Unknown keys (audit extras, call-path counts) get a unit guessed from their
 * name and no better direction.
 */

/**
 * What a measure counts. `currency` is the scenario's currency (`costs.currency`, EUR by
 * default): JSON writes that code as the unit. `ratio` is a count per need or per call.
 *
 * Each unit has a default practical margin for `compare`'s verdicts (`defaultMargin` in
 * verdict.ts, the one home of the rule): shares 0.5 percentage point; seconds 1 s; ratios 0.01;
 * operators 0.1; calls and needs the largest of 1 % of the base, 0.5 % of the row's calls
 * offered (needs) and 1; hours 1 % of the base; money one amount for every cost of a row: 1 %
 * of the row's total cost, at least the margin of each count the row prices
 * ({@link MeasureDefinition.prices}) at its price.
 */
export type MeasureUnit =
  'calls' | 'needs' | 'seconds' | 'share' | 'hours' | 'operators' | 'ratio' | 'currency';

/** Which way a measure is better. */
export type Better = 'higher' | 'lower' | 'neither';

/** One measure of the catalogue. */
export interface MeasureDefinition {
  /** Label with a capital: `Abandonment`. */
  label: string;
  unit: MeasureUnit;
  better: Better;
  definition: string;
  /** For money that is a count times a price: the key of that count (`lostNeeds`). */
  prices?: string;
  /** For a total: the keys of the amounts it adds up (the total cost's parts). */
  parts?: readonly string[];
  /** For money per something (per day, per answered call): the key of the amount divided. */
  rateOf?: string;
  /** A count per day: a mean by definition, written as one even from a single replication. */
  perDay?: true;
  /** Decimals that replace the unit's ({@link unitDecimals}): money per call is written in cents. */
  decimals?: number;
}

const m = (
  label: string,
  unit: MeasureUnit,
  better: Better,
  definition: string,
  extra: Pick<MeasureDefinition, 'prices' | 'parts' | 'rateOf' | 'perDay' | 'decimals'> = {},
): MeasureDefinition => ({ label, unit, better, definition, ...extra });

const PER_DAY = { perDay: true } as const;

/** The parts of the total cost, each a count times its price. */
const COST_PARTS = ['operatorCost', 'lostNeedCost', 'transferCost', 'repeatCost'] as const;

const CATALOGUE: ReadonlyMap<string, MeasureDefinition> = new Map(
  Object.entries({
    // Calls at the switchboard.
    offered: m(
      'Calls offered',
      'calls',
      'neither',
      'Calls that reached the switchboard (first calls, redials, calls back), including those that found every line busy.',
    ),
    offeredPerDay: m(
      'Calls offered per day',
      'calls',
      'neither',
      'Calls offered, per day.',
      PER_DAY,
    ),
    entries: m('Queue entries', 'calls', 'neither', 'Calls that entered the queue.'),
    answered: m(
      'Calls answered',
      'calls',
      'neither',
      'Calls answered by an operator at least once (a call answered again after a bounce counts once).',
    ),
    answeredPerDay: m(
      'Calls answered per day',
      'calls',
      'neither',
      'Calls answered, per day.',
      PER_DAY,
    ),
    reanswered: m(
      'Calls answered again',
      'calls',
      'lower',
      'Answers of calls already answered once: after a transfer bounced back, or after the operator put a misrouted caller through to the right queue.',
    ),
    abandoned: m(
      'Calls abandoned',
      'calls',
      'lower',
      'Callers who hung up while waiting in the queue.',
    ),
    abandonedPerDay: m('Calls abandoned per day', 'calls', 'lower', 'Abandons, per day.', PER_DAY),
    shortAbandoned: m(
      'Short abandons',
      'calls',
      'neither',
      'Abandons within the first few seconds of waiting (often misdials).',
    ),
    busy: m(
      'Busy signals',
      'calls',
      'lower',
      'Calls that found every line (trunk) busy and never entered the switchboard.',
    ),
    busyPerDay: m('Busy signals per day', 'calls', 'lower', 'Busy signals, per day.', PER_DAY),
    closed: m(
      'Calls while closed',
      'calls',
      'neither',
      'Calls that arrived outside opening hours.',
    ),
    ivrAbandoned: m(
      'Calls hung up in the menu',
      'calls',
      'lower',
      'Callers who hung up during the phone menu.',
    ),
    ivrResolved: m(
      'Calls resolved in the menu',
      'calls',
      'neither',
      'Calls a recorded menu option answered without an operator.',
    ),
    callbackAccepted: m(
      'Callbacks accepted',
      'calls',
      'neither',
      'Waiting callers who accepted to be called back.',
    ),
    completed: m(
      'Calls completed',
      'calls',
      'neither',
      'Calls that ended after an operator or a service dealt with them (resolved or not).',
    ),
    transferFailed: m(
      'Transfers lost',
      'calls',
      'lower',
      'Wild transfers that rang out, met a full or absent voicemail, or bounced too often.',
    ),
    inSystemAtEnd: m(
      'Calls still in progress at end',
      'calls',
      'neither',
      'Calls still queued or in progress when the simulated horizon ended.',
    ),
    waitingAtEnd: m(
      'Calls waiting at end',
      'calls',
      'neither',
      'Calls still waiting in the queue when the simulated horizon ended.',
    ),
    transfers: m('Transfers', 'calls', 'lower', 'Calls an operator put through to a service.'),
    warmTransfers: m(
      'Warm transfers',
      'calls',
      'neither',
      'Transfers where the operator stayed on the line until the service answered or the timeout.',
    ),
    wildTransfers: m(
      'Wild transfers',
      'calls',
      'neither',
      'Blind transfers: the caller is put through without checking anyone is there.',
    ),
    failedTransfers: m(
      'Failed transfers',
      'calls',
      'lower',
      'Transfers the service did not answer: rang out, a full or absent voicemail, bounced too often, or (warm) taken back by the operator.',
    ),
    serviceVoicemails: m(
      'Messages in services’ voicemail',
      'calls',
      'neither',
      'Transferred callers who left a message in the service’s voicemail box.',
    ),
    bouncedBack: m(
      'Calls bounced back',
      'calls',
      'lower',
      'Transferred calls that came back to the switchboard and queued again.',
    ),
    redials: m(
      'Redials',
      'calls',
      'lower',
      'Calls made again for a need whose previous attempt failed.',
    ),
    misrouted: m(
      'Calls misrouted',
      'calls',
      'lower',
      'Callers who chose a wrong menu option and reached the wrong queue.',
    ),
    errors: m(
      'Wrong answers',
      'calls',
      'lower',
      'Micro-flow calls handled in the pool and answered wrongly.',
    ),
    voicemailGeneratedCalls: m(
      'Voicemail-generated calls',
      'calls',
      'lower',
      'Inbound calls from patients returning a voicemail message left by the hospital.',
    ),
    callbacksMade: m('Callbacks made', 'calls', 'neither', 'Callback attempts made by operators.'),
    callbacksAnswered: m(
      'Callbacks answered',
      'calls',
      'neither',
      'Callback attempts the caller answered.',
    ),
    outboundAttempts: m('Outbound attempts', 'calls', 'neither', 'Calls clerks made to patients.'),
    outboundReached: m(
      'Patients reached',
      'calls',
      'higher',
      'Outbound calls that reached the patient.',
    ),
    outboundMessages: m(
      'Voicemail messages left',
      'calls',
      'neither',
      'Outbound calls that left a message on an answering machine.',
    ),
    // Shares and waits.
    serviceLevel: m(
      'Service level',
      'share',
      'higher',
      'Queue entries answered within the threshold, of queue entries answered or abandoned (calls that found every line busy are not in it; see serviceLevelOfOffered).',
    ),
    serviceLevelOfOffered: m(
      'Service level (of all offered)',
      'share',
      'higher',
      'Queue entries answered within the threshold, of queue entries answered or abandoned plus calls that found every line busy: the definition `switchboard staff` uses ("of ALL offered calls").',
    ),
    serviceLevelExcludingShortAbandons: m(
      'Service level without short abandons',
      'share',
      'higher',
      'Service level with short abandons removed from the denominator.',
    ),
    asaSeconds: m(
      'Average speed of answer',
      'seconds',
      'lower',
      'Mean wait before an operator answered, over answers.',
    ),
    averageWaitSeconds: m(
      'Average wait',
      'seconds',
      'lower',
      'Mean wait of queue entries, answered or not.',
    ),
    probabilityWait: m(
      'Probability of waiting',
      'share',
      'lower',
      'Queue entries that had to wait.',
    ),
    probabilityAbandon: m(
      'Abandonment',
      'share',
      'lower',
      'Queue entries whose caller hung up before an answer, of entries answered or abandoned.',
    ),
    abandonRate: m(
      'Abandonment',
      'share',
      'lower',
      'Queue entries whose caller hung up before an answer, of entries answered or abandoned.',
    ),
    probabilityAbandonExcludingShort: m(
      'Abandonment without short abandons',
      'share',
      'lower',
      'Abandonment with short abandons left out of both counts.',
    ),
    probabilityBusy: m(
      'Probability of busy signal',
      'share',
      'lower',
      'Calls that found every line busy, of calls offered.',
    ),
    occupancy: m(
      'Operator occupancy',
      'share',
      'neither',
      'Operator busy time (talk, warm-transfer hold, messages, wrap-up, callbacks), of staffed time (rostered time plus overtime spent finishing calls), each booked to the intervals in which it happened.',
    ),
    transfersPerAnsweredCall: m(
      'Transfers per answered call',
      'ratio',
      'lower',
      'Transfers divided by calls answered.',
    ),
    operators: m(
      'Operators',
      'operators',
      'neither',
      'Operators on duty, averaged over the interval.',
    ),
    operatorHours: m(
      'Operator hours',
      'hours',
      'lower',
      'Paid operator hours over the horizon: rostered hours on the phones, plus paid breaks (costs.paidBreakHours, a seventh of its week each day).',
    ),
    overtimeHours: m(
      'Overtime hours',
      'hours',
      'lower',
      'Operator hours past the roster, spent finishing calls begun before a shift ended.',
    ),
    // Needs.
    needs: m(
      'Needs',
      'needs',
      'neither',
      "Callers' problems created over the horizon (one need spans all its attempts).",
    ),
    resolved: m('Needs resolved', 'needs', 'higher', 'Needs resolved, at any attempt.'),
    unresolved: m(
      'Needs unresolved',
      'needs',
      'lower',
      'Needs that ended without resolution: the caller gave up or ran out of attempts.',
    ),
    openAtEnd: m(
      'Needs open at end',
      'needs',
      'neither',
      'Needs still being pursued when the horizon ended.',
    ),
    resolvedRate: m(
      'Needs resolved (share)',
      'share',
      'higher',
      'Resolved needs, of needs that ended (resolved or unresolved).',
    ),
    firstContactResolution: m(
      'Resolved at first contact',
      'share',
      'higher',
      'Needs resolved by their first attempt, of needs that ended.',
    ),
    attemptsPerNeed: m(
      'Attempts per need',
      'ratio',
      'lower',
      'Calls made for one need that ended, across redials and calls back.',
    ),
    totalWaitSeconds: m(
      'Total wait per need',
      'seconds',
      'lower',
      'Waiting summed over every attempt of a need that ended.',
    ),
    transfersPerNeed: m(
      'Transfers per need',
      'ratio',
      'lower',
      'Transfers summed over every attempt of a need that ended.',
    ),
    // Cost.
    operatorCost: m(
      'Operator cost',
      'currency',
      'lower',
      'Rostered operator hours × costs.operatorHour.',
      { prices: 'operatorHours' },
    ),
    lostNeeds: m(
      'Lost needs',
      'needs',
      'lower',
      'Needs that ended unresolved, whatever their path: abandoned, busy, hung up in the menu, a transfer nobody answered without a message taken, redials exhausted.',
    ),
    lostNeedCost: m(
      'Lost-need cost',
      'currency',
      'lower',
      'Each lost need × costs.lostNeed (its reason’s price): one price per lost need whatever its path.',
      { prices: 'lostNeeds' },
    ),
    transferCost: m(
      'Transfer cost',
      'currency',
      'lower',
      'Transfers × costs.transfer (a cost per attempt).',
      { prices: 'transfers' },
    ),
    repeatAttempts: m(
      'Repeat attempts',
      'calls',
      'lower',
      'Redials: calls made again for a need whose previous attempt failed.',
    ),
    repeatCost: m(
      'Repeat-attempt cost',
      'currency',
      'lower',
      'Repeat attempts × costs.repeatAttempt (a cost per attempt).',
      { prices: 'repeatAttempts' },
    ),
    total: m(
      'Total cost',
      'currency',
      'lower',
      'Operator cost plus lost-need, transfer and repeat-attempt costs.',
      { parts: COST_PARTS },
    ),
    perDay: m('Cost per day', 'currency', 'lower', 'Total cost divided by the days simulated.', {
      rateOf: 'total',
    }),
    perAnsweredCall: m(
      'Cost per answered call',
      'currency',
      'lower',
      'Total cost divided by calls answered.',
      { rateOf: 'total', decimals: 2 },
    ),
  }),
);

/** The catalogue's keys, in catalogue order. */
export function catalogueKeys(): string[] {
  return [...CATALOGUE.keys()];
}

/** `serviceLevel` of `overall.serviceLevel`, `byReason.serviceLevel`, `serviceLevel`. */
export function measureKey(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1) : name;
}

/**
 * The definition of the measure `name` (a key or a `table.key` name). A key not in the catalogue
 * gets a label made from its camelCase and a unit guessed from whole words of its name
 * (`…Seconds` seconds; rate, share, probability: share; a cost-table item: currency; else calls),
 * with no better direction.
 */
export function measureDefinition(name: string): MeasureDefinition {
  const key = measureKey(name);
  const known = CATALOGUE.get(key);
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  const unit: MeasureUnit = /seconds$/i.test(key)
    ? 'seconds'
    : /(^|\s)(rate|share|probability)(\s|$)/.test(words)
      ? 'share'
      : name.startsWith('cost.') || /(^|\s)cost(\s|$)/.test(words)
        ? 'currency'
        : 'calls';
  return {
    label: words.charAt(0).toUpperCase() + words.slice(1),
    unit,
    better: 'neither',
    definition: words,
  };
}

/**
 * How many decimals people read a value of `unit` with, in every text table, report page and
 * message: chosen by the unit and by whether the value is a mean, never by the size of the
 * value, so `0` lines up with `33388` and a column keeps one precision.
 *
 * - calls, needs: a count of one run is a whole number (`170`, `0`); a mean of counts (over
 *   replications, or per day) keeps one decimal (`667.8`, `0.0`, `33388.4`);
 * - shares: one decimal of a percentage (`94.8 %`; differences in points, `+0.4 pt`);
 * - seconds, hours, operators: one decimal (`2.4 s`, `599.0`, `5.0`);
 * - ratios (per need, per call): two decimals (`1.17`), the precision of their margin (0.01);
 * - money: whole currency units (`59558 EUR`); a measure may set its own
 *   ({@link MeasureDefinition.decimals}: the cost per answered call is in cents, `1.86 EUR`).
 *
 * A confidence interval or a difference is written with the decimals of its value. CSV and JSON
 * files keep every value exact (a count of one run is written `170`, a zero `0`).
 */
export function unitDecimals(unit: MeasureUnit, mean: boolean): number {
  switch (unit) {
    case 'calls':
    case 'needs':
      return mean ? 1 : 0;
    case 'ratio':
      return 2;
    case 'currency':
      return 0;
    default:
      return 1;
  }
}

/**
 * The decimals of the measure `name` ({@link unitDecimals} of its unit, or its own); `mean`:
 * the value is a mean over replications (counts per day are means whatever `mean` says).
 */
export function measureDecimals(name: string, mean: boolean): number {
  const definition = measureDefinition(name);
  return definition.decimals ?? unitDecimals(definition.unit, mean || definition.perDay === true);
}

/**
 * The unit written in JSON: the scenario's currency code for money, the unit's name otherwise.
 */
export function unitLabel(unit: MeasureUnit, currency: string): string {
  return unit === 'currency' ? currency : unit;
}

/**
 * The values a measure of `unit` can take: shares lie in [0, 1]; counts, durations, hours and
 * money are never negative. Used to keep confidence intervals of estimates within what exists.
 */
export function unitRange(unit: MeasureUnit): readonly [number, number] {
  return unit === 'share' ? [0, 1] : [0, Number.POSITIVE_INFINITY];
}
