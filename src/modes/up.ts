import { runBuild } from './build-run';
import type { ModeContext, ModeResult } from './types';

/**
 * provision + deploy + dashboard as one plan: the stack starts as soon as the AMP workspace has an ARN, the Grafana
 * side runs beside it, the dashboards are imported while the service stabilises, and the step ends at the critical
 * path instead of the sum of three steps.
 */
export async function up(ctx: ModeContext): Promise<ModeResult> {
  return runBuild('up', ctx);
}
