import { applyPlan, failures } from '../apply/apply-plan';
import { withGrafanaToken } from '../aws/grafana-token';
import { GrafanaClient } from '../grafana/client';
import { withGrafanaObjects } from '../inventory/read';
import type { Inventory } from '../inventory/types';
import { order } from '../plan/graph';
import type { Outcome, Outcomes, Plan } from '../plan/types';
import { stepLine, stepRecords, type StepRecord } from '../render/plan';
import { removedBy } from '../render/teardown';
import { ActionError } from '../util/errors';
import { info } from '../util/log';
import { ACTION_NAME, ACTION_VERSION } from '../version';
import type { Executor } from '../apply/apply-plan';
import type { AwsClients } from '../aws/clients';

export interface GrafanaScope {
  inventory: Inventory;
  /** The workspace's API while the token lives; undefined when its contents were not read. */
  api?: GrafanaClient;
  /** Why they were not read although the workspace is ACTIVE (the token could not be had). */
  unreadReason?: string;
}

/**
 * Runs `use` with the Grafana workspace's contents in the inventory and a token valid for as long as `use` runs (the
 * plan's Grafana deletions need it), the token deleted after. A workspace that is not ACTIVE is not read: the planner
 * keeps what may be in it. `withoutToken`, when given, lets the run go on without Grafana when no token can be had
 * (the sweep: what costs money is on the AWS side) and says so; otherwise that failure is the run's.
 */
export async function withGrafanaContents<T>(
  grafana: AwsClients['grafana'],
  inventory: Inventory,
  opts: { runId?: string; ttlSeconds: number; withoutToken?: (err: unknown) => void },
  use: (scope: GrafanaScope) => Promise<T>,
): Promise<T> {
  const ws = inventory.grafanaWorkspace;
  if (!ws || ws.status !== 'ACTIVE') return use({ inventory });
  let started = false;
  const log = (line: string) => info(line);
  try {
    return await withGrafanaToken(grafana, ws.id, { runId: opts.runId, ttlSeconds: opts.ttlSeconds, log }, async (token) => {
      started = true;
      const api = new GrafanaClient({ baseUrl: ws.url, token: token.key, userAgent: `${ACTION_NAME}/${ACTION_VERSION}`, log });
      return use({ inventory: await withGrafanaObjects(inventory, api), api });
    });
  } catch (err) {
    if (started || !opts.withoutToken) throw err;
    opts.withoutToken(err);
    return use({ inventory, unreadReason: (err as Error)?.message ?? String(err) });
  }
}

/**
 * The plan in the log before anything changes, then applied (a dry run runs nothing: every teardown step changes
 * something), each outcome logged as it settles. `seen` gets every outcome as it settles, for the executors that
 * report on their dependencies (the sweep's PR comment).
 */
export async function applyTeardown(plan: Plan, execute: Executor, opts: { dryRun: boolean; maxEnvironments?: number; seen?: Map<string, Outcome> }): Promise<Outcomes> {
  info(`Plan (${plan.steps.length} step(s))${opts.dryRun ? ', dry run: nothing is deleted' : ''}:`);
  for (const step of order(plan)) info(`  ${stepLine(step)}`);
  return applyPlan(plan, execute, {
    dryRun: opts.dryRun, maxEnvironments: opts.maxEnvironments,
    onEnd: (step, outcome) => {
      opts.seen?.set(step.id, outcome);
      info(stepLine(step, outcome));
    },
  });
}

/** A step record of `removed`: what the step deleted, by name (a Grafana step deletes several objects). */
export type RemovalRecord = StepRecord & { removed: string[] };

/**
 * The outputs, JSON a later step can parse: `removed`, the delete steps that removed something; `plan`, every step
 * with its outcome (a dry run's are "planned", so the plan is machine-readable too).
 */
export function teardownOutputs(plan: Plan, outcomes: Outcomes): { removed: string; plan: string } {
  const removed: RemovalRecord[] = order(plan).flatMap((step) => {
    const items = removedBy(step, outcomes);
    return items.length ? [{ ...stepRecords(plan, outcomes, (s) => s.id === step.id)[0], removed: items }] : [];
  });
  return { removed: JSON.stringify(removed), plan: JSON.stringify(stepRecords(plan, outcomes)) };
}

/** Every item the plan's steps removed. */
export function removedItems(plan: Plan, outcomes: Outcomes): string[] {
  return order(plan).flatMap((s) => removedBy(s, outcomes));
}

/** The run's error when steps failed: one failure as it is (its fix intact), several as one error naming each. */
export function failureOf(plan: Plan, outcomes: Outcomes): unknown {
  const failed = failures(plan, outcomes);
  if (failed.length === 0) return undefined;
  if (failed.length === 1) return failed[0].error;
  const fixes = [...new Set(failed.map((f) => (f.error instanceof ActionError ? f.error.fix : undefined)).filter(Boolean))];
  return new ActionError(failed.map((f) => `${f.step.target}: ${(f.error as Error)?.message ?? String(f.error)}`).join('\n'), fixes.join(' ') || undefined);
}
