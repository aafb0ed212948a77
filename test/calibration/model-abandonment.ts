import { type CalibratedParameters, calibrationToScenario } from '../../src/audit/index.js';
import { simulateAudited } from '../../src/calibration/index.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { meanSd } from '../roundtrip/roundtrip-helpers.js';

/**
 * The abandonment of queued calls of the scenario a calibration writes, measured as the audit
 * measures the records (abandoned calls never answered ÷ calls offered to a queue): mean,
 * standard error, the standard deviation of one replication and their number, over
 * independent replications (seed "check", not the refinement's).
 */
export async function modelAbandonment(
  p: CalibratedParameters,
  options: { days: number; replications: number },
): Promise<{ mean: number; se: number; sd: number; n: number }> {
  const results = await simulateAudited(parseScenario(calibrationToScenario(p)), {
    ...options,
    seed: 'check',
  });
  const { mean, sd } = meanSd(results.map((r) => r.overall.abandoned / r.overall.offered));
  return { mean, se: sd / Math.sqrt(results.length), sd, n: results.length };
}
