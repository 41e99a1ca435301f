import { checkPlan } from '../plan/graph';
import type { Outcome, Plan, Step } from '../plan/types';

/** What an executor says of the step it ran; nothing at all means done. */
export interface StepReturn {
  /** `kept`: the executor found at run time that the target must stay (its tags turned out not to be ours, say). */
  status?: 'done' | 'kept';
  detail?: string;
  value?: unknown;
}

export interface StepContext {
  /** The value a step this one depends on returned. */
  valueOf<T>(id: string): T;
}

export type Executor = (step: Step, ctx: StepContext) => Promise<StepReturn | void>;

export interface ApplyOptions {
  /** Steps not marked safeInDryRun are reported as planned and not run. */
  dryRun?: boolean;
  /** At most this many steps run at once. */
  maxSteps?: number;
  /** At most this many environments have steps under way at once (the sweep's max-concurrency). */
  maxEnvironments?: number;
  onStart?: (step: Step) => void;
  onEnd?: (step: Step, outcome: Outcome) => void;
  now?: () => number;
}

/**
 * Runs a plan's steps as soon as what each depends on has succeeded, concurrently within the bounds, and records one
 * outcome per step. A failed step skips what depends on it and nothing else: independent work (another environment's
 * teardown, the Grafana side of `up`) still finishes, so nothing is left mid-flight and the report says what happened to
 * each. Never rejects for a step's failure; the caller reads the outcomes.
 */
export async function applyPlan(plan: Plan, execute: Executor, opts: ApplyOptions = {}): Promise<Map<string, Outcome>> {
  checkPlan(plan);
  const now = opts.now ?? Date.now;
  const maxSteps = opts.maxSteps ?? Number.POSITIVE_INFINITY;
  const maxEnvironments = opts.maxEnvironments ?? Number.POSITIVE_INFINITY;
  const outcomes = new Map<string, Outcome>();
  const pending = new Map(plan.steps.map((s) => [s.id, s]));
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const running = new Set<string>();
  const remainingPerEnv = new Map<string, number>();
  for (const s of plan.steps) if (s.environment !== undefined) remainingPerEnv.set(s.environment, (remainingPerEnv.get(s.environment) ?? 0) + 1);
  const activeEnvs = new Set<string>();

  const ctx: StepContext = {
    valueOf: <T>(id: string) => {
      const o = outcomes.get(id);
      if (!o || (o.status !== 'done' && o.status !== 'kept')) throw new Error(`plan ${plan.mode}: value of '${id}' read before it succeeded`);
      return o.value as T;
    },
  };

  const settle = (step: Step, outcome: Outcome) => {
    outcomes.set(step.id, outcome);
    pending.delete(step.id);
    if (step.environment !== undefined) {
      const left = (remainingPerEnv.get(step.environment) ?? 1) - 1;
      remainingPerEnv.set(step.environment, left);
      if (left === 0) activeEnvs.delete(step.environment);
    }
    opts.onEnd?.(step, outcome);
  };

  return new Promise((resolve) => {
    const pump = () => {
      let progressed = true;
      // Settling a step without running it (kept, planned, skipped) can make others ready: loop until nothing moves.
      while (progressed) {
        progressed = false;
        for (const step of [...pending.values()]) {
          if (running.has(step.id)) continue;
          const deps = step.dependsOn.map((d) => ({ step: byId.get(d)!, outcome: outcomes.get(d) }));
          const blocked = deps.find((d) => d.outcome && (d.outcome.status === 'failed' || d.outcome.status === 'skipped'));
          if (blocked) {
            settle(step, { status: 'skipped', detail: `not run: ${blocked.step.target} ${blocked.outcome!.status === 'failed' ? 'failed' : 'was not run'}` });
            progressed = true;
            continue;
          }
          if (deps.some((d) => !d.outcome)) continue;
          const afterPlanned = deps.find((d) => d.outcome!.status === 'planned');
          if (step.action === 'keep') {
            settle(step, { status: 'kept', detail: step.reason });
            progressed = true;
            continue;
          }
          if (opts.dryRun && (!step.safeInDryRun || afterPlanned)) {
            settle(step, { status: 'planned', detail: afterPlanned && step.safeInDryRun ? `after ${afterPlanned.step.target}` : undefined });
            progressed = true;
            continue;
          }
          if (running.size >= maxSteps) return;
          if (step.environment !== undefined && !activeEnvs.has(step.environment) && activeEnvs.size >= maxEnvironments) continue;
          if (step.environment !== undefined) activeEnvs.add(step.environment);
          running.add(step.id);
          const startedAt = now();
          opts.onStart?.(step);
          Promise.resolve()
            .then(() => execute(step, ctx))
            .then(
              (r) => ({ status: r?.status ?? 'done', detail: r?.detail, value: r?.value, startedAt, durationMs: now() - startedAt }) as Outcome,
              (error: unknown) => ({ status: 'failed', error, detail: (error as Error)?.message ?? String(error), startedAt, durationMs: now() - startedAt }) as Outcome,
            )
            .then((outcome) => {
              running.delete(step.id);
              settle(step, outcome);
              pump();
            });
        }
      }
      if (pending.size === 0 && running.size === 0) resolve(outcomes);
    };
    pump();
  });
}

/** The failures of a run, in plan order: what the mode reports as its error. */
export function failures(plan: Plan, outcomes: ReadonlyMap<string, Outcome>): { step: Step; error: unknown }[] {
  return plan.steps.flatMap((step) => {
    const o = outcomes.get(step.id);
    return o?.status === 'failed' ? [{ step, error: o.error }] : [];
  });
}
