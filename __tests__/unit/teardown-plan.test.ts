import { applyPlan } from '../../src/apply/apply-plan';
import type { GrafanaFootprint } from '../../src/grafana/teardown';
import type { Inventory } from '../../src/inventory/types';
import { checkPlan } from '../../src/plan/graph';
import { planCleanup, planDestroy, type DestroyPlanInputs } from '../../src/plan/teardown';
import type { Plan, Step } from '../../src/plan/types';

const REPO = 'acme/shop';
const NOW = Date.parse('2026-11-25T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000);
const TTL = 72 * 3_600_000;

const stack = (env: string, pr?: number, age = 1) => ({ name: `preview-${env}`, stackId: `id-${env}`, status: 'UPDATE_COMPLETE', environment: env, prNumber: pr, lastDeployedAt: hoursAgo(age) });
const amp = (env: string, id: string, pr?: number, status = 'ACTIVE') => ({ id, environment: env, prNumber: pr, status, createdAt: hoursAgo(200) });
const objects = (env: string): GrafanaFootprint => ({ dashboards: [{ uid: `d-${env}`, title: `T (${env})` }], folder: { uid: `f-${env}`, title: `Preview ${env} (${REPO})` }, datasource: { uid: `ds-${env}`, name: `AMP ${env} (${REPO})` } });
const grafanaWs = (status = 'ACTIVE') => ({ id: 'g-1', name: 'acme-shop-previews', url: 'https://g-1.example', origin: 'reused' as const, status, tags: {} });

function inventory(over: Partial<Inventory> = {}): Inventory {
  return { repository: REPO, stacks: [], ampWorkspaces: [], ...over };
}
const destroyInputs = (over: Partial<DestroyPlanInputs> = {}): DestroyPlanInputs => ({
  environment: 'pr-1', prNumber: 1, stackName: 'preview-pr-1', grafana: true, deleteGrafanaWorkspace: false, ...over,
});
const brief = (plan: Plan) => plan.steps.map((s) => `${s.action} ${s.id}`);
const step = (plan: Plan, id: string): Step => plan.steps.find((s) => s.id === id)!;

describe('planDestroy', () => {
  it('plans the stack, each AMP workspace and the Grafana objects side by side, then keeps the shared workspace', () => {
    const inv = inventory({
      stacks: [stack('pr-1', 1), stack('pr-2', 2)],
      ampWorkspaces: [amp('pr-1', 'ws-a', 1), amp('pr-1', 'ws-b', 1, 'CREATION_FAILED'), amp('pr-2', 'ws-c', 2)],
      grafanaWorkspace: grafanaWs(), grafana: { byEnvironment: new Map([['pr-1', objects('pr-1')]]), otherRepositories: [] },
    });
    const plan = planDestroy(destroyInputs(), inv);
    checkPlan(plan);
    expect(brief(plan)).toEqual(['delete pr-1/stack', 'delete pr-1/amp/ws-a', 'delete pr-1/amp/ws-b', 'delete pr-1/grafana', 'keep grafana-workspace']);
    expect(plan.steps.filter((s) => s.environment === 'pr-1').every((s) => s.dependsOn.length === 0)).toBe(true);
    expect(step(plan, 'pr-1/grafana')).toMatchObject({ kind: 'grafana-objects', target: "Grafana 1 dashboard(s), folder, data source of 'pr-1' in g-1" });
    expect(step(plan, 'grafana-workspace').reason).toMatch(/^shared/);
  });

  it('plans only what is left of a half-gone environment, and still tries the named stack (its tags are checked then)', () => {
    const plan = planDestroy(destroyInputs(), inventory({ ampWorkspaces: [amp('pr-1', 'ws-a', 1)], grafanaWorkspace: grafanaWs(), grafana: { byEnvironment: new Map(), otherRepositories: [] } }));
    expect(brief(plan)).toEqual(['delete pr-1/stack', 'delete pr-1/amp/ws-a', 'keep grafana-workspace']);
    expect(step(plan, 'pr-1/stack').reason).toMatch(/not listed under this repository's tags/);
  });

  it('keeps a workspace given by amp-workspace-id and one tagged for another PR', () => {
    const inv = inventory({ ampWorkspaces: [amp('pr-1', 'ws-given'), amp('pr-1', 'ws-other', 7), amp('pr-1', 'ws-mine', 1)] });
    const plan = planDestroy(destroyInputs({ grafana: false, ampWorkspaceId: 'ws-given' }), inv);
    expect(brief(plan)).toEqual(['delete pr-1/stack', 'keep pr-1/amp/ws-other', 'delete pr-1/amp/ws-mine', 'keep pr-1/amp/ws-given']);
    expect(step(plan, 'pr-1/amp/ws-given').reason).toBe('given by amp-workspace-id');
    expect(step(plan, 'pr-1/amp/ws-other').reason).toBe('tagged for PR #7, and this run is for PR #1');
  });

  it('says why the Grafana objects stay when they could not be read: a workspace not ACTIVE, no token', () => {
    const creating = planDestroy(destroyInputs(), inventory({ grafanaWorkspace: grafanaWs('CREATING') }));
    expect(step(creating, 'pr-1/grafana')).toMatchObject({ action: 'keep', reason: 'Grafana workspace g-1 is CREATING, so its contents cannot be read now; re-run once it can be read' });
    const noToken = planDestroy(destroyInputs({ grafanaUnreadReason: 'AccessDenied' }), inventory({ grafanaWorkspace: grafanaWs() }));
    expect(step(noToken, 'pr-1/grafana').reason).toContain('could not be read (AccessDenied)');
    expect(planDestroy(destroyInputs({ grafana: false }), inventory({ grafanaWorkspace: grafanaWs() })).steps.map((s) => s.kind)).toEqual(['stack']);
  });

  it('deletes the workspace after every step of the environment, and the role stack after it, only when nobody else uses it', () => {
    const read = (byEnvironment: Map<string, GrafanaFootprint>, otherRepositories: string[] = []) => ({ byEnvironment, otherRepositories });
    const roleStack = { name: 'ecs-amp-action-grafana-role-x', status: 'CREATE_COMPLETE', roleArn: 'arn:role' };
    const alone = inventory({ stacks: [stack('pr-1', 1)], grafanaWorkspace: grafanaWs(), grafana: read(new Map([['pr-1', objects('pr-1')]])), roleStack });
    const plan = planDestroy(destroyInputs({ deleteGrafanaWorkspace: true }), alone);
    checkPlan(plan);
    expect(step(plan, 'grafana-workspace')).toMatchObject({ action: 'delete', dependsOn: ['pr-1/stack', 'pr-1/grafana'] });
    expect(step(plan, 'grafana-role-stack')).toMatchObject({ action: 'delete', target: `stack ${roleStack.name}`, dependsOn: ['grafana-workspace'] });
    // A role the user gave is theirs: no role stack step.
    expect(planDestroy(destroyInputs({ deleteGrafanaWorkspace: true, grafanaRoleArn: 'arn:mine' }), alone).steps.map((s) => s.id)).not.toContain('grafana-role-stack');

    const shared = planDestroy(destroyInputs({ deleteGrafanaWorkspace: true }), { ...alone, stacks: [stack('pr-1', 1), stack('pr-2', 2)], grafana: read(new Map(), ['Other (x)']) });
    expect(step(shared, 'grafana-workspace')).toMatchObject({ action: 'keep', reason: 'still used by pr-2, 1 dashboard(s) of other repositories' });
    expect(shared.steps.map((s) => s.id)).not.toContain('grafana-role-stack');
    const unread = planDestroy(destroyInputs({ deleteGrafanaWorkspace: true }), { ...alone, grafana: undefined });
    expect(step(unread, 'grafana-workspace').reason).toBe('still used by its dashboards (they could not be read)');
    const given = planDestroy(destroyInputs({ deleteGrafanaWorkspace: true, grafanaWorkspaceId: 'g-1' }), alone);
    expect(step(given, 'grafana-workspace')).toMatchObject({ action: 'keep', reason: 'given by grafana-workspace-id' });
  });

  it('in a dry run, every step is planned or kept and nothing runs', async () => {
    const inv = inventory({ stacks: [stack('pr-1', 1)], ampWorkspaces: [amp('pr-1', 'ws-a', 1)], grafanaWorkspace: grafanaWs(), grafana: { byEnvironment: new Map([['pr-1', objects('pr-1')]]), otherRepositories: [] } });
    const plan = planDestroy(destroyInputs({ deleteGrafanaWorkspace: true }), inv);
    const ran: string[] = [];
    const outcomes = await applyPlan(plan, async (s) => { ran.push(s.id); }, { dryRun: true });
    expect(ran).toEqual([]);
    expect(plan.steps.map((s) => outcomes.get(s.id)!.status)).toEqual(['planned', 'planned', 'planned', 'planned']);
  });
});

describe('planCleanup', () => {
  const pulls = new Map([[1, 'closed' as const], [2, 'open' as const], [3, 'open' as const]]);

  it('deletes the stale environments\' parts with the verdict as reason, keeps the others\', and notifies after the deletions', () => {
    const inv = inventory({
      stacks: [stack('pr-1', 1), stack('pr-2', 2), stack('pr-3', 3, 100)],
      ampWorkspaces: [amp('pr-1', 'ws-1', 1), amp('pr-2', 'ws-2', 2), amp('orphan', 'ws-o')],
      grafanaWorkspace: grafanaWs(), grafana: { byEnvironment: new Map([['pr-1', objects('pr-1')], ['pr-2', objects('pr-2')]]), otherRepositories: [] },
    });
    const plan = planCleanup({ grafana: true, deleteGrafanaWorkspace: false, ttlMs: TTL, notify: true }, inv, pulls, NOW);
    checkPlan(plan);
    expect(brief(plan)).toEqual([
      'delete orphan/amp/ws-o',
      'delete pr-1/stack', 'delete pr-1/amp/ws-1', 'delete pr-1/grafana', 'notify pr-1/comment',
      'keep pr-2/stack', 'keep pr-2/amp/ws-2', 'keep pr-2/grafana',
      'delete pr-3/stack', 'notify pr-3/comment',
      'keep grafana-workspace',
    ]);
    expect(step(plan, 'pr-1/comment').dependsOn).toEqual(['pr-1/stack', 'pr-1/amp/ws-1', 'pr-1/grafana']);
    expect(step(plan, 'pr-1/stack').reason).toBe('PR #1 closed');
    expect(step(plan, 'pr-3/stack').reason).toBe('idle 4d (ttl 3d)');
    expect(step(plan, 'pr-2/stack').reason).toBe('PR #2 open, idle 60m');
    expect(plan.environments.map((e) => [e.environment.environment, e.verdict!.stale])).toEqual([['orphan', true], ['pr-1', true], ['pr-2', false], ['pr-3', true]]);
    // No GitHub token: nobody to tell.
    expect(planCleanup({ grafana: true, deleteGrafanaWorkspace: false, ttlMs: TTL, notify: false }, inv, pulls, NOW).steps.some((s) => s.action === 'notify')).toBe(false);
  });

  it('sweeps without Grafana: the stale environments\' Grafana side is kept with the reason, the kept ones\' not listed', () => {
    const inv = inventory({ stacks: [stack('pr-1', 1), stack('pr-2', 2)], grafanaWorkspace: grafanaWs() });
    const plan = planCleanup({ grafana: true, deleteGrafanaWorkspace: true, ttlMs: TTL, notify: false, grafanaUnreadReason: 'no token' }, inv, pulls, NOW);
    expect(brief(plan)).toEqual(['delete pr-1/stack', 'keep pr-1/grafana', 'keep pr-2/stack', 'keep grafana-workspace']);
    expect(step(plan, 'pr-1/grafana').reason).toContain('(no token)');
  });

  it('deletes the workspace with the last environments when asked, depending on every stale environment\'s steps', () => {
    const inv = inventory({ stacks: [stack('pr-1', 1)], ampWorkspaces: [amp('orphan', 'ws-o')], grafanaWorkspace: grafanaWs(), grafana: { byEnvironment: new Map(), otherRepositories: [] } });
    const plan = planCleanup({ grafana: true, deleteGrafanaWorkspace: true, ttlMs: TTL, notify: false }, inv, pulls, NOW);
    expect(step(plan, 'grafana-workspace')).toMatchObject({ action: 'delete', dependsOn: ['orphan/amp/ws-o', 'pr-1/stack'] });
  });

  it('at most max-concurrency environments are torn down at once', async () => {
    const envs = Array.from({ length: 6 }, (_, i) => `e${i}`);
    const inv = inventory({ ampWorkspaces: envs.map((e) => amp(e, `ws-${e}`)) });
    const plan = planCleanup({ grafana: false, deleteGrafanaWorkspace: false, ttlMs: TTL, notify: false }, inv, new Map(), NOW);
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const done = applyPlan(plan, () => new Promise<void>((resolve) => {
      peak = Math.max(peak, ++running);
      gates.push(() => { running--; resolve(); });
    }), { maxEnvironments: 2 });
    // Released one at a time, each only once the bound is reached again: the bound holds at every step.
    for (let released = 0; released < envs.length; released++) {
      await new Promise((r) => setImmediate(r));
      gates.shift()!();
    }
    await done;
    expect(peak).toBe(2);
  });
});
