import { assetDir } from '../assets';
import { DashboardFile, loadDashboards } from '../grafana/dashboard-files';
import type { Inputs, RunContext } from '../inputs/types';
import { ActionError } from '../util/errors';
import { runBuild } from './build-run';
import type { ModeContext, ModeResult } from './types';

export { GRAFANA_WORK_SECONDS, tokenTtlSeconds } from '../apply/build';
export type { ImportedDashboard, TrustNote } from '../apply/build';
export { trustSection } from '../render/build';

function prepare(inputs: Inputs, run: RunContext): DashboardFile[] {
  if (!inputs.grafana) {
    throw new ActionError("Input 'grafana': mode dashboard needs Grafana, but grafana is false.", 'Set grafana: true (and run provision with it), or skip the dashboard step.');
  }
  return loadDashboards(assetDir('dashboards'), run.workspace, inputs.dashboardsPath);
}

/** up imports the same dashboards, when Grafana is on; read and checked before any AWS call all the same. */
export function prepareUp(inputs: Inputs, run: RunContext): DashboardFile[] {
  return inputs.grafana ? loadDashboards(assetDir('dashboards'), run.workspace, inputs.dashboardsPath) : [];
}

/**
 * Gives the environment its data source, folder and dashboards in the repository's Grafana workspace, through the
 * workspace's own HTTP API with a token that lives only around those steps.
 */
async function run(ctx: ModeContext): Promise<ModeResult> {
  return runBuild('dashboard', ctx);
}

export const dashboard = { prepare, prepareUp, run };
