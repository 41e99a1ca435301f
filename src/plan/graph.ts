import type { Plan, Step } from './types';

/**
 * A plan is a DAG of uniquely named steps; a planner bug that breaks that would otherwise surface as a step that
 * never starts. Thrown as a plain Error: it is the action's fault, never the user's.
 */
export function checkPlan(plan: Plan): void {
  const ids = new Set<string>();
  for (const step of plan.steps) {
    if (ids.has(step.id)) throw new Error(`plan ${plan.mode}: step '${step.id}' appears twice`);
    ids.add(step.id);
  }
  for (const step of plan.steps) {
    for (const dep of step.dependsOn) {
      if (!ids.has(dep)) throw new Error(`plan ${plan.mode}: step '${step.id}' depends on unknown step '${dep}'`);
    }
  }
  order(plan);
}

/** The steps in an order where each comes after what it depends on (plan order among equals), for the report. */
export function order(plan: Plan): Step[] {
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: Step[] = [];
  const visit = (step: Step, path: string[]) => {
    const seen = state.get(step.id);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`plan: dependency cycle ${[...path, step.id].join(' → ')}`);
    state.set(step.id, 'visiting');
    for (const dep of step.dependsOn) {
      const d = byId.get(dep);
      if (d) visit(d, [...path, step.id]);
    }
    state.set(step.id, 'done');
    out.push(step);
  };
  for (const step of plan.steps) visit(step, []);
  return out;
}

/** Every step that depends, directly or not, on `id`. */
export function dependents(plan: Plan, id: string): Set<string> {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of plan.steps) {
      if (!found.has(s.id) && s.dependsOn.some((d) => d === id || found.has(d))) {
        found.add(s.id);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * The longest chain of durations through the plan: the least time any schedule of it can take. The bench compares a
 * run's wall time with it.
 */
export function criticalPathMs(plan: Plan, durationMs: (step: Step) => number): number {
  const finish = new Map<string, number>();
  for (const step of order(plan)) {
    const start = Math.max(0, ...step.dependsOn.map((d) => finish.get(d) ?? 0));
    finish.set(step.id, start + durationMs(step));
  }
  return Math.max(0, ...finish.values());
}
