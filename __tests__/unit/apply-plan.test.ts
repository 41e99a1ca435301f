import { applyPlan, failures } from '../../src/apply/apply-plan';
import { checkPlan, criticalPathMs, dependents, order } from '../../src/plan/graph';
import type { Plan, Step } from '../../src/plan/types';
import { renderPlanTable, stepRecords } from '../../src/render/plan';

const step = (id: string, dependsOn: string[] = [], extra: Partial<Step> = {}): Step => ({
  id, action: 'create', kind: 'stack', target: `thing ${id}`, reason: `because ${id}`, dependsOn, ...extra,
});
const plan = (...steps: Step[]): Plan => ({ mode: 'deploy', steps });

/** A controllable executor: each step resolves when the test says so. */
function gated() {
  const started: string[] = [];
  const gates = new Map<string, { resolve: (v?: unknown) => void; reject: (e: unknown) => void }>();
  const execute = (s: Step) => new Promise<{ value: unknown } | void>((resolve, reject) => {
    started.push(s.id);
    gates.set(s.id, { resolve: (v) => resolve(v === undefined ? undefined : { value: v }), reject });
  });
  const tick = () => new Promise((r) => setImmediate(r));
  return { started, gates, execute, tick };
}

describe('plan graph', () => {
  it('refuses duplicate ids, unknown dependencies and cycles', () => {
    expect(() => checkPlan(plan(step('a'), step('a')))).toThrow(/appears twice/);
    expect(() => checkPlan(plan(step('a', ['b'])))).toThrow(/unknown step 'b'/);
    expect(() => checkPlan(plan(step('a', ['b']), step('b', ['a'])))).toThrow(/cycle/);
  });

  it('orders dependencies first and finds dependents transitively', () => {
    const p = plan(step('c', ['b']), step('b', ['a']), step('a'), step('d'));
    expect(order(p).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect([...dependents(p, 'a')].sort()).toEqual(['b', 'c']);
  });

  it('computes the critical path as the longest chain', () => {
    const p = plan(step('amp'), step('stack', ['amp']), step('stable', ['stack']), step('grafana'), step('dash', ['grafana', 'amp']));
    const d: Record<string, number> = { amp: 1, stack: 5, stable: 3, grafana: 12, dash: 2 };
    expect(criticalPathMs(p, (s) => d[s.id])).toBe(14);
  });
});

describe('applyPlan', () => {
  it('starts a step as soon as its own dependencies succeed, not when everything before it does', async () => {
    const g = gated();
    const done = applyPlan(plan(step('amp'), step('grafana'), step('stack', ['amp']), step('dash', ['grafana', 'amp'])), g.execute);
    await g.tick();
    expect(g.started.sort()).toEqual(['amp', 'grafana']);
    g.gates.get('amp')!.resolve('arn:amp');
    await g.tick();
    expect(g.started).toContain('stack');
    expect(g.started).not.toContain('dash');
    g.gates.get('stack')!.resolve();
    g.gates.get('grafana')!.resolve();
    await g.tick();
    g.gates.get('dash')!.resolve();
    const outcomes = await done;
    expect([...outcomes.values()].map((o) => o.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(outcomes.get('amp')!.value).toBe('arn:amp');
  });

  it('passes values along and skips only what depends on a failure', async () => {
    const seen: unknown[] = [];
    const outcomes = await applyPlan(plan(step('a'), step('b', ['a']), step('c', ['b']), step('x')), async (s, ctx) => {
      if (s.id === 'a') return { value: 41 };
      if (s.id === 'b') {
        seen.push(ctx.valueOf('a'));
        throw new Error('b broke');
      }
      return { detail: `${s.id} ran` };
    });
    expect(seen).toEqual([41]);
    expect(outcomes.get('b')).toMatchObject({ status: 'failed', detail: 'b broke' });
    expect(outcomes.get('c')).toMatchObject({ status: 'skipped', detail: 'not run: thing b failed' });
    expect(outcomes.get('x')).toMatchObject({ status: 'done', detail: 'x ran' });
    expect(failures(plan(step('a'), step('b', ['a']), step('c', ['b']), step('x')), outcomes).map((f) => f.step.id)).toEqual(['b']);
  });

  it('keeps without running and, in a dry run, runs only the safe steps', async () => {
    const ran: string[] = [];
    const outcomes = await applyPlan(plan(
      step('lookup', [], { safeInDryRun: true }),
      step('delete', ['lookup'], { action: 'delete' }),
      step('after', ['delete'], { safeInDryRun: true }),
      step('keep', [], { action: 'keep' }),
    ), async (s) => { ran.push(s.id); }, { dryRun: true });
    expect(ran).toEqual(['lookup']);
    expect(outcomes.get('delete')!.status).toBe('planned');
    expect(outcomes.get('after')).toMatchObject({ status: 'planned', detail: 'after thing delete' });
    expect(outcomes.get('keep')).toMatchObject({ status: 'kept', detail: 'because keep' });
  });

  it('never has more environments under way than maxEnvironments, nor more steps than maxSteps', async () => {
    let envs = new Set<string>();
    let maxEnvs = 0;
    let runningSteps = 0;
    let maxRunning = 0;
    const steps = Array.from({ length: 6 }, (_, i) => [
      step(`e${i}/stack`, [], { environment: `e${i}` }),
      step(`e${i}/amp`, [], { environment: `e${i}` }),
      step(`e${i}/note`, [`e${i}/stack`, `e${i}/amp`], { environment: `e${i}` }),
    ]).flat();
    const live = new Map<string, number>();
    await applyPlan(plan(...steps), async (s) => {
      live.set(s.environment!, (live.get(s.environment!) ?? 0) + 1);
      envs = new Set([...live].filter(([, n]) => n > 0).map(([e]) => e));
      maxEnvs = Math.max(maxEnvs, envs.size);
      maxRunning = Math.max(maxRunning, ++runningSteps);
      await new Promise((r) => setTimeout(r, 2));
      runningSteps--;
      live.set(s.environment!, live.get(s.environment!)! - 1);
    }, { maxEnvironments: 2, maxSteps: 3 });
    expect(maxEnvs).toBeLessThanOrEqual(2);
    expect(maxRunning).toBeLessThanOrEqual(3);
    expect(maxRunning).toBeGreaterThan(1);
  });

  it('resolves for an empty plan', async () => {
    expect((await applyPlan(plan(), async () => undefined)).size).toBe(0);
  });
});

describe('report of a plan', () => {
  it('renders each step with its outcome, escaped, and structured records for outputs', async () => {
    const p = plan(step('a', [], { target: 'dashboard *bold* |pipe|', action: 'delete', kind: 'grafana-dashboards', environment: 'pr-1', resourceId: 'uid-1' }));
    const outcomes = await applyPlan(p, async () => ({ detail: 'deleted' }));
    const table = renderPlanTable(p, outcomes);
    expect(table).toContain('| Environment | Step | Why | Outcome |');
    expect(table).toContain('\\*bold\\*');
    expect(table).not.toMatch(/[^\\]\|pipe/);
    expect(stepRecords(p, outcomes)).toEqual([{ environment: 'pr-1', kind: 'grafana-dashboards', action: 'delete', id: 'uid-1', target: 'dashboard *bold* |pipe|', reason: 'because a', status: 'done', detail: 'deleted' }]);
  });
});
