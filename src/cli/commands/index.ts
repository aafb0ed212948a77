import type { SwitchboardCommand } from '../command.js';
import { auditCommand } from './audit.js';
import { compareCommand } from './compare.js';
import { forecastCommand } from './forecast.js';
import { rosterCommand } from './roster.js';
import { simulateCommand } from './simulate.js';
import { staffCommand } from './staff.js';

/**
 * Every sub-command of `switchboard`, in the order `--help` lists them. Each lives in its own
 * module beside this file.
 */
export const commands: SwitchboardCommand[] = [
  staffCommand,
  auditCommand,
  forecastCommand,
  simulateCommand,
  compareCommand,
  rosterCommand,
];
