import { grafanaRoleStackName } from '../aws/stack-names';
import type { ModeContext, ModeResult } from './types';

export { GRAFANA_ROLE_OWNERSHIP_FIX, GRAFANA_ROLE_TEMPLATE } from '../aws/template-names';
export { grafanaRoleStackName };

/**
 * Creates or reuses the environment's AMP workspace and the repository's Grafana workspace (with its role stack). The
 * two are independent steps of one plan, so they run side by side, and a failure of one still lets the other finish.
 * The runner is loaded here, not at the top: destroy imports this module for its constants only.
 */
export async function provision(ctx: ModeContext): Promise<ModeResult> {
  return (await import('./build-run')).runBuild('provision', ctx);
}
