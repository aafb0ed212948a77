import { resolve } from 'node:path';
import type { CommandInput } from '../io/write-file-atomic.js';
import { scenarioPath } from '../scenario/load-scenario.js';

/**
 * The scenario files a command reads (each without its `#variant`), as inputs its outputs must
 * not overwrite (`simulate s.yaml --queue-log s.yaml` replaced the scenario by a queue_log).
 */
export function scenarioInputs(typed: readonly unknown[], cwd: string): CommandInput[] {
  return typed.map((path) => ({
    path: scenarioPath(resolve(cwd, String(path))).file,
    role: `the scenario ${JSON.stringify(String(path))}`,
  }));
}
