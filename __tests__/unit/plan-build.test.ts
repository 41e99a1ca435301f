import { applyPlan } from '../../src/apply/apply-plan';
import type { Inventory } from '../../src/inventory/types';
import { BuildRequest, planDashboard, planDeploy, planProvision, planUp, STEP } from '../../src/plan/build';
import { checkPlan, criticalPathMs, dependents } from '../../src/plan/graph';
import type { Plan } from '../../src/plan/types';
import { ActionError } from '../../src/util/errors';

const request = (extra: Partial<BuildRequest> = {}): BuildRequest => ({
  repository: 'octo/shop',
  environment: 'pr-7',
  amp: { alias: 'octo/shop/pr-7' },
  stack: { name: 'ecs-amp-preview-shop-pr-7', metricsCheck: 'warn', desiredCount: 1, expose: 'none' },
  grafana: { name: 'octo-shop-previews', roleArnGiven: false, roleStackName: 'ecs-amp-grafana-role-octo-shop' },
  dashboardFiles: 2,
  ...extra,
});
const empty: Inventory = { repository: 'octo/shop', environment: 'pr-7', stacks: [], ampWorkspaces: [] };
const everything: Inventory = {
  ...empty,
  stacks: [{ name: 'ecs-amp-preview-shop-pr-7', stackId: 'arn:stack/7', status: 'UPDATE_COMPLETE', environment: 'pr-7', prNumber: 7 }],
  ampWorkspace: { id: 'ws-7', arn: 'arn:aps:ws-7', prometheusEndpoint: 'https://aps/workspaces/ws-7/api/v1/', status: 'ACTIVE', origin: 'reused' },
  grafanaWorkspace: {
    id: 'g-1', url: 'https://g-1.grafana', origin: 'reused', status: 'ACTIVE', tags: {},
    roleArn: 'arn:aws:iam::123456789012:role/ecs-amp-action/grafana-role-X',
  },
  roleStack: { name: 'ecs-amp-grafana-role-octo-shop', status: 'CREATE_COMPLETE', roleArn: 'arn:aws:iam::123456789012:role/ecs-amp-action/grafana-role-X' },
};

const deps = (plan: Plan) => Object.fromEntries(plan.steps.map((s) => [s.id, s.dependsOn]));
const actions = (plan: Plan) => Object.fromEntries(plan.steps.map((s) => [s.id, s.action]));

describe('planUp', () => {
  it('on a first run creates everything, with only the dependencies that exist', () => {
    const plan = planUp(request(), empty);
    checkPlan(plan);
    expect(actions(plan)).toEqual({
      amp: 'create', 'amp-active': 'wait', stack: 'apply', 'service-stable': 'wait', metrics: 'check',
      'grafana-role-stack': 'apply', 'grafana-workspace': 'create', datasource: 'apply', folder: 'apply', dashboards: 'import', 'datasource-health': 'check',
    });
    expect(deps(plan)).toEqual({
      amp: [], 'amp-active': ['amp'],
      // The template needs the ARN, not an ACTIVE workspace, and nothing of Grafana.
      stack: ['amp'], 'service-stable': ['stack'], metrics: ['service-stable', 'amp-active'],
      'grafana-role-stack': [], 'grafana-workspace': ['grafana-role-stack'],
      datasource: ['grafana-workspace', 'amp'], folder: ['grafana-workspace'],
      // The imports run while the service stabilises.
      dashboards: ['datasource', 'folder'], 'datasource-health': ['datasource', 'amp-active'],
    });
    expect(dependents(plan, STEP.serviceStable)).toEqual(new Set(['metrics']));
    expect(plan.steps.map((s) => s.reason).every((r) => r.length > 0)).toBe(true);
  });

  it('is provision\'s, deploy\'s and dashboard\'s steps together', () => {
    const ids = (p: Plan) => p.steps.map((s) => s.id);
    const up = planUp(request(), everything);
    const parts = new Set([...ids(planProvision(request(), everything)), ...ids(planDeploy(request(), everything)), ...ids(planDashboard(request(), everything))]);
    expect(new Set(ids(up))).toEqual(parts);
  });

  it('ends at the critical path: max(stack + service, AMP active, Grafana ready + imports), not their sum', () => {
    const ms: Record<string, number> = {
      amp: 1, 'amp-active': 60, stack: 120, 'service-stable': 60, metrics: 20,
      'grafana-role-stack': 30, 'grafana-workspace': 300, datasource: 1, folder: 1, dashboards: 5, 'datasource-health': 2,
    };
    expect(criticalPathMs(planUp(request(), empty), (s) => ms[s.id])).toBe(30 + 300 + 1 + 5);
    expect(criticalPathMs(planUp(request({ grafana: false }), empty), (s) => ms[s.id])).toBe(1 + 120 + 60 + 20);
  });

  it('on a re-run reuses the workspaces, updates the stack, and re-applies a role stack the templates made', () => {
    const plan = planUp(request(), everything);
    expect(actions(plan)).toMatchObject({ amp: 'reuse', stack: 'apply', 'grafana-role-stack': 'apply', 'grafana-workspace': 'reuse' });
    expect(plan.steps.find((s) => s.id === 'amp')).toMatchObject({ resourceId: 'ws-7', safeInDryRun: true });
    expect(plan.steps.find((s) => s.id === 'stack')).toMatchObject({ resourceId: 'arn:stack/7', reason: expect.stringContaining('UPDATE_COMPLETE') });
    // A workspace whose role the user chose keeps it: no role stack.
    const own = planUp(request(), { ...everything, grafanaWorkspace: { ...everything.grafanaWorkspace!, roleArn: 'arn:aws:iam::123456789012:role/their-role' } });
    expect(own.steps.map((s) => s.id)).not.toContain('grafana-role-stack');
    expect(deps(own)['grafana-workspace']).toEqual([]);
  });

  it('with grafana off is provision + deploy only', () => {
    const plan = planUp(request({ grafana: false }), empty);
    expect(plan.steps.map((s) => s.id)).toEqual(['amp', 'amp-active', 'stack', 'service-stable', 'metrics']);
  });

  it('with given ids reuses them and needs no role stack for a grafana-role-arn', () => {
    const inv: Inventory = {
      ...empty,
      ampWorkspace: { ...everything.ampWorkspace!, origin: 'given' },
      grafanaWorkspace: { ...everything.grafanaWorkspace!, origin: 'given' },
    };
    const plan = planUp(request({ grafana: { name: 'x', givenId: 'g-1', roleArnGiven: true, roleStackName: 'r' } }), inv);
    expect(plan.steps.find((s) => s.id === 'amp')!.reason).toBe('amp-workspace-id names it');
    expect(plan.steps.find((s) => s.id === 'grafana-workspace')!.reason).toBe('grafana-workspace-id names it');
    expect(plan.steps.map((s) => s.id)).not.toContain('grafana-role-stack');
  });

  it('plans app-url with expose and leaves metrics out when off or with no task', () => {
    expect(planUp(request({ stack: { ...request().stack, expose: 'load-balancer' } }), empty).steps.find((s) => s.id === 'app-url')?.dependsOn).toEqual(['service-stable']);
    expect(planUp(request({ stack: { ...request().stack, metricsCheck: 'off' } }), empty).steps.map((s) => s.id)).not.toContain('metrics');
    expect(planUp(request({ stack: { ...request().stack, desiredCount: 0 } }), empty).steps.map((s) => s.id)).not.toContain('metrics');
  });
});

describe('dry runs from the same plan', () => {
  const ran = async (plan: Plan) => {
    const run: string[] = [];
    const outcomes = await applyPlan(plan, async (step) => { run.push(step.id); return { value: step.id }; }, { dryRun: true });
    return { run, status: Object.fromEntries([...outcomes].map(([id, o]) => [id, o.status])) };
  };

  it('up with no AMP workspace yet plans the stack instead of previewing it', async () => {
    const { run, status } = await ran(planUp(request(), empty));
    expect(run).toEqual([]);
    expect(new Set(Object.values(status))).toEqual(new Set(['planned']));
  });

  it('up with the workspace previews the stack\'s change set and changes nothing else', async () => {
    const { run, status } = await ran(planUp(request(), everything));
    expect(run.sort()).toEqual(['amp', 'amp-active', 'stack']);
    expect(status).toMatchObject({ 'service-stable': 'planned', 'grafana-workspace': 'planned', dashboards: 'planned' });
  });

  it('dashboard looks the workspaces up and plans the Grafana writes', async () => {
    const { run, status } = await ran(planDashboard(request(), everything));
    expect(run.sort()).toEqual(['amp', 'amp-active', 'grafana-workspace']);
    expect(status).toMatchObject({ datasource: 'planned', folder: 'planned', dashboards: 'planned', 'datasource-health': 'planned' });
  });
});

describe('deploy and dashboard alone', () => {
  it('use the inventory\'s workspace and refuse, before any change, when there is none', () => {
    expect(planDeploy(request(), everything).steps.map((s) => s.id)).toEqual(['amp', 'amp-active', 'stack', 'service-stable', 'metrics']);
    expect(() => planDeploy(request(), empty)).toThrow(ActionError);
    expect(() => planDeploy(request(), empty)).toThrow(/No AMP workspace of environment 'pr-7'/);
    expect(() => planDashboard(request(), { ...everything, grafanaWorkspace: undefined })).toThrow(/No Grafana workspace named 'octo-shop-previews'/);
    expect(() => planDashboard(request(), { ...everything, grafanaWorkspace: { ...everything.grafanaWorkspace!, status: 'CREATING' } })).toThrow(/CREATING, not ACTIVE/);
    expect(() => planDashboard(request({ grafana: false }), everything)).toThrow(/grafana is false/);
  });

  it('provision creates what is missing and nothing of the stack', () => {
    const plan = planProvision(request(), empty);
    expect(plan.steps.map((s) => s.id)).toEqual(['amp', 'amp-active', 'grafana-role-stack', 'grafana-workspace']);
  });
});
