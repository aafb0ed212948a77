import { type CalibratedParameters, calibrationToScenario } from '../../src/audit/index.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';
import { meanSd } from '../roundtrip/roundtrip-helpers.js';

/**
 * The abandonment of queued calls of the scenario a calibration writes: mean, standard error,
 * the standard deviation of one replication and their number, over independent replications of `switchboard simulate` (seed "check", not the refinement's).
 */
export async function modelAbandonment(
  p: CalibratedParameters,
  options: { days: number; replications: number },
): Promise<{ mean: number; se: number; sd: number; n: number }> {
  const { results } = await simulateScenario(parseScenario(calibrationToScenario(p)), {
    ...options,
    seed: 'check',
  });
  const { mean, sd } = meanSd(results.map((r) => r.overall.probabilityAbandon!));
  return { mean, se: sd / Math.sqrt(results.length), sd, n: results.length };
}
