import * as core from '@actions/core';
import { teardownExecutor } from '../apply/teardown';
import { readInventory } from '../inventory/read';
import { planDestroy, type TeardownPlan } from '../plan/teardown';
import type { Outcomes } from '../plan/types';
import { renderPlanTable } from '../render/plan';
import { renderTeardown } from '../render/teardown';
import { order } from '../plan/graph';
import { applyTeardown, failureOf, removedItems, teardownOutputs, withGrafanaContents } from '../teardown/run';
import { info, startGroup } from '../util/log';
import { timed } from '../util/timing';
import { GRAFANA_ROLE_OWNERSHIP_FIX, grafanaRoleStackName } from './provision';
import { ModeContext, ModeFailure, ModeResult } from './types';

const TOKEN_TTL_SECONDS = 1800;

/**
 * Tears one environment down: the inventory read once, the plan (stack, AMP workspaces and Grafana objects side by
 * side, then the shared workspace and its role stack when asked for and unused) logged, then applied. Safe to run
 * again and on a half-gone environment; refuses anything whose tags are not this repository's. A dry run reports the
 * plan and deletes nothing.
 */
export async function destroy(ctx: ModeContext): Promise<ModeResult> {
  const { inputs, clients, owner } = ctx;
  const dryRun = inputs.teardown.dryRun;
  const timings: Record<string, number> = {};
  const inventory = await timed(timings, 'inventory', () => readInventory(clients, {
    repository: owner.repository, environment: inputs.environment,
    grafanaWorkspace: inputs.grafana ? { name: inputs.grafanaWorkspaceName, existingId: inputs.grafanaWorkspaceId } : undefined,
    roleStackName: inputs.grafana && inputs.teardown.deleteGrafanaWorkspace && !inputs.grafanaRoleArn ? grafanaRoleStackName(owner.repository) : undefined,
  }));

  startGroup(`Destroying environment '${inputs.environment}'${dryRun ? ' (dry run)' : ''}`);
  let plan: TeardownPlan;
  let outcomes: Outcomes;
  try {
    ({ plan, outcomes } = await withGrafanaContents(clients.grafana, inventory, { runId: ctx.run.runId, ttlSeconds: TOKEN_TTL_SECONDS }, async (scope) => {
      const p = planDestroy({
        environment: inputs.environment, prNumber: owner.prNumber, stackName: inputs.deploy.stackName, ampWorkspaceId: inputs.ampWorkspaceId,
        grafana: inputs.grafana, grafanaWorkspaceId: inputs.grafanaWorkspaceId, deleteGrafanaWorkspace: inputs.teardown.deleteGrafanaWorkspace,
        grafanaRoleArn: inputs.grafanaRoleArn, grafanaUnreadReason: scope.unreadReason,
      }, scope.inventory);
      const execute = teardownExecutor({
        clients, inventory: scope.inventory, grafana: scope.api, roleStackOwnershipFix: GRAFANA_ROLE_OWNERSHIP_FIX,
        ownerOf: () => ({ ...owner, environment: inputs.environment }), deadline: ctx.deadline, log: (line) => info(line),
      });
      return { plan: p, outcomes: await timed(timings, 'teardown', () => applyTeardown(p, execute, { dryRun })) };
    }));
  } finally {
    core.endGroup();
  }
  const result = resultOf(plan, outcomes, dryRun, timings);
  const failure = failureOf(plan, outcomes);
  if (failure) throw new ModeFailure(failure, result);
  return result;
}

function resultOf(plan: TeardownPlan, outcomes: Outcomes, dryRun: boolean, timings: Record<string, number>): ModeResult {
  const removed = removedItems(plan, outcomes).length;
  const deletes = plan.steps.filter((s) => s.action === 'delete').length;
  const headline = dryRun
    ? `dry run: ${deletes} delete step(s) planned, nothing removed`
    : removed > 0 ? `removed ${removed} resource(s)` : 'nothing to remove: the environment was already gone';
  return {
    headline,
    outputs: teardownOutputs(plan, outcomes),
    links: [],
    sections: [dryRun
      ? { title: 'plan', markdown: renderPlanTable(plan, outcomes) }
      : { title: 'removed', markdown: renderTeardown(order(plan), outcomes) }],
    timings,
  };
}
