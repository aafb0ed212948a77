import type { SwitchboardCommand } from '../command.js';

/**
 * Every sub-command of `switchboard`, in the order `--help` lists them: its yargs command
 * string, its line in the command list, and a loader of its module (beside this file, exporting
 * `builder` and `run` as a {@link CommandModule}). Only the module of the command being run is
 * loaded, so `switchboard --help` or `switchboard staff` never load charts, holidays or the
 * simulator. To add a command: write `./name.ts` exporting `nameCommand: CommandModule`, and add
 * one entry here.
 */
export const commands: SwitchboardCommand[] = [
  {
    command: 'staff',
    describe: 'Staffing calculator: Erlang C, Erlang A, Erlang B, finite lines (with patience)',
    load: async () => (await import('./staff.js')).staffCommand,
  },
  {
    command: 'audit <files..>',
    describe: 'Audit a switchboard from its records: calls, callers, service level, patience',
    load: async () => (await import('./audit.js')).auditCommand,
  },
  {
    command: 'forecast',
    describe: 'Forecast calls by day, interval and reason, with prediction intervals; or backtest',
    load: async () => (await import('./forecast.js')).forecastCommand,
  },
  {
    command: 'simulate <scenario>',
    describe:
      'Simulate a scenario: measures per interval, queue, reason, need and cost with 95 % CIs',
    load: async () => (await import('./simulate.js')).simulateCommand,
  },
  {
    command: 'compare <scenarios..>',
    describe: 'Compare a base scenario with variants: paired differences and a verdict per measure',
    load: async () => (await import('./compare.js')).compareCommand,
  },
  {
    command: 'roster <scenario>',
    describe:
      'Roster shifts from the scenario’s templates: Erlang plan, MILP cover, checked and adjusted by simulation',
    load: async () => (await import('./roster.js')).rosterCommand,
  },
  {
    command: 'sweep <scenario>',
    describe:
      'Every combination of scenario values (--vary PATH=V1,V2) against the base on common random numbers, ranked, Holm-corrected',
    load: async () => (await import('./sweep.js')).sweepCommand,
  },
  {
    command: 'worker',
    describe:
      'Take replication jobs from a Redis server (for simulate, compare, sweep, staff --simulate --redis)',
    load: async () => (await import('./worker.js')).workerCommand,
  },
];
