import * as core from '@actions/core';
import { teardownExecutor } from '../apply/teardown';
import type { StepReturn } from '../apply/apply-plan';
import { postComment } from '../github/publish';
import { pullState } from '../github/pull-state';
import { environmentsOf } from '../inventory/environments';
import { readInventory } from '../inventory/read';
import type { Inventory } from '../inventory/types';
import { planCleanup, type TeardownPlan } from '../plan/teardown';
import type { Outcome, Outcomes, Step } from '../plan/types';
import { renderPlanTable } from '../render/plan';
import { renderSweepTable, sweepHeadline } from '../render/sweep';
import { removedBy, renderTeardown } from '../render/teardown';
import { PullState } from '../teardown/staleness';
import { applyTeardown, failureOf, teardownOutputs, withGrafanaContents } from '../teardown/run';
import { mapSettled } from '../util/concurrency';
import { ActionError } from '../util/errors';
import { info, startGroup } from '../util/log';
import { timed } from '../util/timing';
import { GRAFANA_ROLE_OWNERSHIP_FIX, grafanaRoleStackName } from './provision';
import { ModeContext, ModeFailure, ModeResult } from './types';

const TOKEN_TTL_SECONDS = 3600;

/**
 * The scheduled sweep: the repository's environments from one inventory (stacks and AMP workspaces by their ownership
 * tags, the Grafana objects the action names), each judged stale or kept, the stale ones destroyed with at most
 * max-concurrency environments at a time. Partial environments count: a workspace whose stack is gone is still money.
 */
export async function cleanup(ctx: ModeContext): Promise<ModeResult> {
  const { inputs, clients, owner } = ctx;
  const dryRun = inputs.teardown.dryRun;
  const timings: Record<string, number> = {};
  const inventory = await timed(timings, 'inventory', () => readInventory(clients, {
    repository: owner.repository,
    grafanaWorkspace: inputs.grafana ? { name: inputs.grafanaWorkspaceName, existingId: inputs.grafanaWorkspaceId } : undefined,
    roleStackName: inputs.grafana && inputs.teardown.deleteGrafanaWorkspace && !inputs.grafanaRoleArn ? grafanaRoleStackName(owner.repository) : undefined,
  }));
  // The PRs are the AWS resources' (Grafana objects carry none), so GitHub is asked while the Grafana side is read.
  const pulls = timed(timings, 'PR states', () => pullStates(inputs.githubToken, owner.repository, inventory));

  let plan: TeardownPlan;
  let outcomes: Outcomes;
  startGroup('Sweeping stale preview environments');
  try {
    ({ plan, outcomes } = await withGrafanaContents(clients.grafana, inventory, {
      runId: ctx.run.runId, ttlSeconds: TOKEN_TTL_SECONDS,
      // Without a Grafana token the AWS resources (what costs money) can still be swept.
      withoutToken: (err) => core.warning(`Sweeping without Grafana (its dashboards stay until the next sweep): ${(err as Error)?.message ?? String(err)}`),
    }, async (scope) => {
      const p = planCleanup({
        ttlMs: inputs.teardown.ttlMs, notify: Boolean(inputs.githubToken),
        grafana: inputs.grafana, grafanaWorkspaceId: inputs.grafanaWorkspaceId, deleteGrafanaWorkspace: inputs.teardown.deleteGrafanaWorkspace,
        grafanaRoleArn: inputs.grafanaRoleArn, grafanaUnreadReason: scope.unreadReason,
      }, scope.inventory, await pulls, Date.now());
      const stale = p.environments.filter((e) => e.verdict?.stale).length;
      info(`Found ${p.environments.length} environment(s) of ${owner.repository}; ${stale} stale`);
      const seen = new Map<string, Outcome>();
      const execute = teardownExecutor({
        clients, inventory: scope.inventory, grafana: scope.api, roleStackOwnershipFix: GRAFANA_ROLE_OWNERSHIP_FIX,
        ownerOf: (step) => ownerOf(scope.inventory, step), deadline: ctx.deadline, log: (line) => info(line),
        notify: (step) => markDestroyed(ctx, p, step, seen),
      });
      return { plan: p, outcomes: await timed(timings, 'teardown', () => applyTeardown(p, execute, { dryRun, maxEnvironments: inputs.teardown.maxConcurrency, seen })) };
    }));
  } finally {
    core.endGroup();
  }

  const result: ModeResult = {
    headline: sweepHeadline(plan, outcomes, dryRun),
    outputs: teardownOutputs(plan, outcomes),
    links: [],
    sections: [
      { title: 'environments', markdown: renderSweepTable(plan, outcomes, dryRun) },
      { title: 'plan', markdown: renderPlanTable(plan, outcomes) },
    ],
    timings,
  };
  const failure = failureOf(plan, outcomes);
  if (failure) {
    const failed = [...new Set(plan.steps.filter((s) => outcomes.get(s.id)?.status === 'failed').map((s) => s.environment ?? 'the repository'))];
    throw new ModeFailure(new ActionError(`${failed.length} stale environment(s) could not be fully removed:\n${describe(failure)}`,
      'The next scheduled run retries them; the table in the job summary says what was removed.'), result);
  }
  return result;
}

function describe(err: unknown): string {
  return err instanceof ActionError ? err.describe() : (err as Error)?.message ?? String(err);
}

/** Whose a swept resource is: its own tags' PR (a stack and a workspace of one environment may name different PRs). */
function ownerOf(inv: Inventory, step: Step) {
  const environment = step.environment!;
  const pr = step.kind === 'stack' ? inv.stacks.find((s) => s.name === step.resourceId)?.prNumber
    : step.kind === 'amp-workspace' ? inv.ampWorkspaces.find((w) => w.id === step.resourceId)?.prNumber
      : undefined;
  return { repository: inv.repository, environment, prNumber: pr };
}

/**
 * Turns the environment's PR comment into "destroyed", as destroy would have: a preview that vanished without a word
 * is what the sweep exists to prevent. Only an existing comment is updated.
 */
async function markDestroyed(ctx: ModeContext, plan: TeardownPlan, step: Step, seen: ReadonlyMap<string, Outcome>): Promise<StepReturn> {
  const env = plan.environments.find((e) => e.environment.environment === step.environment)!;
  const prNumber = env.environment.prNumber!;
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const steps = step.dependsOn.map((id) => byId.get(id)!);
  const removed = steps.flatMap((s) => removedBy(s, seen)).length;
  const started = Math.min(...steps.map((s) => seen.get(s.id)?.startedAt ?? Date.now()));
  const posted = await postComment({
    environment: env.environment.environment, repository: ctx.owner.repository, region: ctx.inputs.region, prNumber, links: [],
    modes: {
      destroy: {
        status: 'succeeded', finishedAt: new Date().toISOString(), durationMs: Date.now() - started,
        headline: `removed ${removed} resource(s) in the scheduled sweep: ${env.verdict!.reason}`,
        sections: [{ title: 'removed', markdown: renderTeardown(steps, seen) }],
      },
    },
  }, { comment: true, token: ctx.inputs.githubToken, prNumber, create: false, serverUrl: ctx.run.serverUrl });
  return { detail: posted ? 'marked destroyed' : 'no comment to update' };
}

/** One request per distinct PR, a few at a time: the GITHUB_TOKEN allows 1,000 requests an hour. */
async function pullStates(token: string | undefined, repository: string, inv: Inventory): Promise<Map<number, PullState>> {
  const numbers = [...new Set(environmentsOf({ ...inv, environment: undefined }).flatMap((e) => (e.prNumber === undefined ? [] : [e.prNumber])))];
  const states = await mapSettled(numbers, 4, (n) => pullState(token, repository, n));
  return new Map(numbers.map((n, i) => [n, states[i].status === 'fulfilled' ? states[i].value : 'unknown']));
}
