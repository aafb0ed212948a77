import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { inputError } from '../../errors.js';
import { readFailure, readInputText } from '../../io/read-input-file.js';
import {
  checkOutputFile,
  staleRemovedNotice,
  writeFileAtomic,
} from '../../io/write-file-atomic.js';
import { formatStaffingTable } from '../format-staffing-table.js';
import { readStaffFlags, type StaffFlags } from '../read-staff-flags.js';
import { REDIS_OPTION, TIMEOUT_OPTION, withRemote } from '../remote-option.js';
import { checkSimulationFlagUse } from '../simulation-flag-use.js';
import { evaluateStaffing } from '../../staffing/evaluate-staffing.js';
import { unmetTargets } from '../../staffing/meets-targets.js';
import { solveAgents } from '../../staffing/solve-agents.js';
import { solveTraffic } from '../../staffing/solve-traffic.js';
import { STAFFING_MODELS, type StaffingQuestion } from '../../staffing/staffing-question.js';
import type { CommandModule } from '../command.js';
import type { CliIo } from '../io.js';

const DEFINITIONS = `Definitions (every probability is a fraction of ALL offered calls):
  serviceLevel     answered within --threshold / ALL offered calls
                   (abandoned and blocked calls count as misses)
  asaSeconds       mean wait of ANSWERED calls
  meanWaitSeconds  mean time in queue over ALL offered calls,
                   abandoners counted until they hang up
  occupancy        carried load / operators on the phones
  positions        ceil(agents / (1 - shrinkage))
--json prints exactly: model, trafficErlangs, agents, positions, probabilityWait,
serviceLevel, asaSeconds, meanWaitSeconds, occupancy, probabilityAbandon,
probabilityBlocking. null where the model has no such measure; for erlang-c with
traffic >= agents, asaSeconds and meanWaitSeconds are null: the wait is unbounded.`;

/** `switchboard staff`: evaluate a staffing, solve for operators or traffic, or plan a load file. */
export const staffCommand: CommandModule = {
  builder: (y: Argv) =>
    y
      .usage('$0 staff --calls 100 --interval 30m --aht 180s --service-level 0.8 [options]')
      .option('calls', {
        type: 'string',
        describe: 'Calls offered per interval (with --interval)',
        group: 'Load:',
      })
      .option('interval', {
        type: 'string',
        describe: 'Interval length: 15m, 30m, 1h',
        group: 'Load:',
      })
      .option('rate', { type: 'string', describe: 'Calls offered per hour', group: 'Load:' })
      .option('erlangs', { type: 'string', describe: 'Offered load in erlangs', group: 'Load:' })
      .option('aht', {
        type: 'string',
        describe: 'Mean handling time: 180s, 3m (bare number: seconds)',
        group: 'Load:',
      })
      .option('plan', {
        type: 'string',
        describe:
          'Plan every interval of a CSV: interval_start,calls[,aht_seconds][,reason] or a forecast file',
        group: 'Load:',
      })
      .option('teams', {
        type: 'string',
        describe:
          'With --plan and several reasons: pooled (default: one team takes every call) or separate (a team per reason)',
        group: 'Load:',
      })
      .option('agents', {
        type: 'string',
        describe: 'Operators on the phones to evaluate (fractional for erlang-b/c/a)',
        group: 'Staffing:',
      })
      .option('model', {
        type: 'string',
        describe: `${STAFFING_MODELS.join(' | ')} (default erlang-c; erlang-a with --patience; finite-lines with --lines; erlang-a-lines with both)`,
        group: 'Staffing:',
      })
      .option('patience', {
        type: 'string',
        describe: 'Mean caller patience (Erlang A; with --lines, M/M/c/K+M): 120s',
        group: 'Staffing:',
      })
      .option('lines', {
        type: 'string',
        describe:
          'Lines in all, operators + waiting places (finite lines; with --patience, M/M/c/K+M)',
        group: 'Staffing:',
      })
      .option('retries', {
        type: 'string',
        describe: 'Fraction of blocked callers who retry at once (erlang-b, Extended Erlang B)',
        group: 'Staffing:',
      })
      .option('shrinkage', {
        type: 'string',
        describe: 'Fraction of paid time off the phones, 0 to <1',
        group: 'Staffing:',
      })
      .option('solve', {
        type: 'string',
        describe: 'agents (default with a target) or traffic (the most load --agents carry)',
        group: 'Staffing:',
      })
      .option('service-level', {
        type: 'string',
        describe: 'Target: least fraction of all calls answered within --threshold',
        group: 'Targets:',
      })
      .option('threshold', {
        type: 'string',
        describe: 'Service-level threshold (default 20s)',
        group: 'Targets:',
      })
      .option('asa', {
        type: 'string',
        describe: 'Target: greatest mean wait of answered calls',
        group: 'Targets:',
      })
      .option('max-occupancy', {
        type: 'string',
        describe: 'Target: greatest occupancy, 0–1',
        group: 'Targets:',
      })
      .option('max-abandon', {
        type: 'string',
        describe: 'Target: greatest fraction abandoned (with --patience)',
        group: 'Targets:',
      })
      .option('max-blocking', {
        type: 'string',
        describe: 'Target: greatest fraction blocked (erlang-b, or with --lines)',
        group: 'Targets:',
      })
      .option('simulate', {
        type: 'boolean',
        describe:
          'Also answer by simulation (M/M/N, +M, /K, /K+M on the engine), beside the formula',
        group: 'Simulation:',
      })
      .option('replications', {
        type: 'string',
        describe: 'Independent replications (default 10)',
        group: 'Simulation:',
      })
      .option('horizon', {
        type: 'string',
        describe: 'Observed length of each replication after warm-up (default 8h)',
        group: 'Simulation:',
      })
      .option('warmup', {
        type: 'string',
        describe: 'Warm-up deleted before statistics (default 30m)',
        group: 'Simulation:',
      })
      .option('seed', { type: 'string', describe: 'Base seed (default 1)', group: 'Simulation:' })
      .option('threads', {
        type: 'string',
        describe: 'Worker threads (default 1; same results whatever the count)',
        group: 'Simulation:',
      })
      .option('aht-cv', {
        type: 'string',
        describe: 'Handling-time CV: lognormal instead of exponential',
        group: 'Simulation:',
      })
      .option('patience-dist', {
        type: 'string',
        describe:
          'Patience: exponential, deterministic, lognormal:CV, gamma:CV, weibull:SHAPE, {…}',
        group: 'Simulation:',
      })
      .option('retry-delay', {
        type: 'string',
        describe: 'Mean delay before a blocked caller retries, exponential (default 5m; --retries)',
        group: 'Simulation:',
      })
      .option('redis', { ...REDIS_OPTION, group: 'Simulation:' })
      .option('timeout', { ...TIMEOUT_OPTION, group: 'Simulation:' })
      .option('json', {
        type: 'boolean',
        describe: 'Print JSON instead of a table',
        group: 'Output:',
      })
      .option('out', {
        type: 'string',
        describe: 'With --plan: write the plan CSV to this file (whole or not at all)',
        group: 'Output:',
      })
      .epilog(DEFINITIONS),
  run: (args, io) => runStaff(args, io),
};

/**
 * `--simulate --threads N`: start the worker threads now (loading only the runner), so that
 * they start, import the queue model and warm it up while the formula is solved and the
 * simulator loads. A bad `--threads` is left to the flag check that follows.
 */
async function startStaffThreads(args: Record<string, unknown>, retrials: boolean): Promise<void> {
  const threads = args.threads;
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 2) return;
  const [{ startThreadsEarly }, { replicationTasks }] = await Promise.all([
    import('../run-flags.js'),
    import('../../replications/replication-tasks.js'),
  ]);
  const { maxReplicationThreads } = await import('../../replications/run-replications.js');
  if (threads > maxReplicationThreads()) return;
  const replications = typeof args.replications === 'number' ? args.replications : threads;
  startThreadsEarly(
    args,
    threads,
    Math.max(1, replications),
    retrials ? replicationTasks.retrialLoss : replicationTasks.queue,
  );
}

async function runStaff(args: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = readStaffFlags(args);
  const simulate = args.simulate === true;
  checkSimulationFlagUse(args, simulate, flags.plan);
  if (flags.plan !== undefined) return runPlan(flags, io);
  const { question, solve } = flags;
  if (simulate) await startStaffThreads(args, (question.retryFraction ?? 0) > 0);
  let evaluation: ReturnType<typeof evaluateStaffing>;
  if (solve === 'traffic') evaluation = solveTraffic({ ...question, agents: question.agents! });
  else if (solve === 'agents') evaluation = solveAgents(question as StaffingQuestion);
  else evaluation = evaluateStaffing(question as StaffingQuestion);
  // --simulate: the same question, with the formula's agents and traffic, answered by the engine
  // The simulator, the CSV plan and their formatters are loaded only by the runs that use them.
  const simulation = simulate
    ? await withRemote(args, io, async (remote) =>
        (await import('../simulate-from-flags.js')).simulateFromFlags(
          args,
          {
            ...question,
            model: evaluation.model,
            trafficErlangs: evaluation.trafficErlangs,
            agents: evaluation.agents,
          },
          { stderrIsTTY: io.stderrIsTTY, ...(remote === undefined ? {} : { remote }) },
        ),
      )
    : undefined;
  if (flags.json) {
    const output = simulation === undefined ? evaluation : { ...evaluation, simulation };
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const targets = question.targets ?? {};
    const unmet = Object.keys(targets).length > 0 ? unmetTargets(evaluation, targets) : undefined;
    io.stdout(formatStaffingTable(evaluation, question, unmet));
    if (simulation !== undefined) {
      const { formatSimulationTable } = await import('../format-simulation-table.js');
      io.stdout(`\n${formatSimulationTable(evaluation, simulation)}`);
    }
  }
  return 0;
}

async function runPlan(flags: StaffFlags, io: CliIo): Promise<number> {
  const [{ planStaffing }, { readLoadCsv }, { formatPlanCsv, planHeadline }] = await Promise.all([
    import('../../staffing/plan-staffing.js'),
    import('../../staffing/read-load-csv.js'),
    import('../format-plan-csv.js'),
  ]);
  const file = flags.plan!;
  if (flags.out !== undefined) checkOutputFile(resolve(io.cwd, flags.out), '--out', flags.out);
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = readInputText(path);
  } catch (error) {
    throw inputError('--plan', 'a readable CSV file', file, { hint: readFailure(error) });
  }
  const { agents: _agents, trafficErlangs: _traffic, ...question } = flags.question;
  const plan = planStaffing(readLoadCsv(text, file), {
    question,
    file,
    teams: flags.teams,
    ...(flags.intervalMinutes === undefined ? {} : { intervalMinutes: flags.intervalMinutes }),
  });
  const output = flags.json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlanCsv(plan);
  if (flags.out === undefined) {
    io.stdout(output);
    return 0;
  }
  for (const name of writeFileAtomic(resolve(io.cwd, flags.out), output, flags.out))
    io.stderr(staleRemovedNotice(name));
  io.stderr(
    `wrote ${flags.out}: ${plan.rows.length + plan.pooled.length} rows; ${planHeadline(plan)}\n`,
  );
  return 0;
}
