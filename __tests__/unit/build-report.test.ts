import type { Inventory } from '../../src/inventory/types';
import { BuildRequest, planDeploy, planUp } from '../../src/plan/build';
import type { Outcome } from '../../src/plan/types';
import { buildResult } from '../../src/render/build';

const request: BuildRequest = {
  repository: 'octo/shop', environment: 'pr-7', amp: { alias: 'octo/shop/pr-7' },
  stack: { name: 'preview-pr-7', metricsCheck: 'off', desiredCount: 1, expose: 'none' },
  grafana: { name: 'octo-shop-previews', roleArnGiven: false, roleStackName: 'role-stack' },
  dashboardFiles: 1,
};
const empty: Inventory = { repository: 'octo/shop', environment: 'pr-7', stacks: [], ampWorkspaces: [] };
const amp = { id: 'ws-7', arn: 'arn:aps:ws-7', prometheusEndpoint: 'https://aps/workspaces/ws-7/api/v1/', origin: 'created', status: 'CREATING' };
const stack = { stackId: 'arn:stack/7', outputs: { ClusterName: 'c', ServiceName: 's' }, action: 'created', changes: [{}, {}], parameters: [] };
const grafana = { id: 'g-1', url: 'https://g-1.grafana-workspace.eu-west-1.amazonaws.com', origin: 'reused', grafanaVersion: '10.4' };
const done = (value?: unknown): Outcome => ({ status: 'done', value, durationMs: 1000 });
const request_ = { region: 'eu-west-1', stackName: 'preview-pr-7', datasourceName: 'AMP pr-7 (octo/shop)' };

describe('buildResult', () => {
  it('gives up the outputs of provision, deploy and dashboard together', () => {
    const plan = planUp(request, empty);
    const outcomes = new Map<string, Outcome>(plan.steps.map((s) => [s.id, done()]));
    outcomes.set('amp', done(amp));
    outcomes.set('stack', done(stack));
    outcomes.set('grafana-workspace', done(grafana));
    outcomes.set('datasource', done({ uid: 'ds-7' }));
    outcomes.set('folder', done({ uid: 'f-7', url: `${grafana.url}/dashboards/f/f-7` }));
    const imported = [{ file: 'ecs.json', title: 'ECS (pr-7)', url: `${grafana.url}/d/x`, primary: true }];
    const r = buildResult({ ...request_, mode: 'up', plan, outcomes, findings: { imported, notes: [] }, dryRun: false });
    expect(r.outputs).toMatchObject({
      'amp-workspace-id': 'ws-7', 'amp-remote-write-url': 'https://aps/workspaces/ws-7/api/v1/remote_write', 'grafana-workspace-id': 'g-1',
      'stack-name': 'preview-pr-7', 'stack-id': 'arn:stack/7', 'change-count': '2', 'cluster-name': 'c', 'service-name': 's',
      'grafana-datasource-uid': 'ds-7', 'dashboard-url': `${grafana.url}/d/x`,
    });
    expect(r.headline).toBe('AMP ws-7 created; stack preview-pr-7 created, 2 change(s); 1 dashboard(s) imported');
    expect(r.links.map((l) => l.label)).toEqual(expect.arrayContaining(['AMP workspace', 'Grafana', 'Stack', 'ECS service', 'Dashboard', 'Grafana folder']));
    expect(r.sections!.map((s) => s.title)).toEqual(['changes', 'dashboards', 'steps']);
    expect(r.timings).toMatchObject({ 'AMP workspace': 1000, CloudFormation: 1000, 'dashboard import': 1000 });
  });

  it('reports a dry run\'s stack as planned when there was no ARN to preview it with', () => {
    const plan = planUp(request, empty);
    const outcomes = new Map<string, Outcome>(plan.steps.map((s) => [s.id, { status: 'planned' }]));
    const r = buildResult({ ...request_, mode: 'up', plan, outcomes, findings: { imported: [], notes: [] }, dryRun: true });
    expect(r.headline).toBe("AMP workspace to create; stack preview-pr-7 planned (its change set needs the AMP workspace's ARN); 1 dashboard(s) planned");
    expect(r.outputs['stack-name']).toBe('preview-pr-7');
    expect(Object.keys(r.outputs).sort()).toEqual(['plan', 'stack-name']);
    const records = JSON.parse(r.outputs.plan) as { kind: string; action: string; status: string }[];
    expect(records.find((s) => s.kind === 'stack')).toMatchObject({ action: 'apply', status: 'planned' });
    expect(records.every((s) => s.status === 'planned')).toBe(true);
    expect(r.sections!.at(-1)!.title).toBe('plan (dry run)');
  });

  it('keeps what a failed deploy learned', () => {
    const inv: Inventory = { ...empty, ampWorkspace: { ...amp, status: 'ACTIVE', origin: 'reused' } };
    const plan = planDeploy(request, inv);
    const outcomes = new Map<string, Outcome>([['amp', done(amp)], ['amp-active', done()], ['stack', { status: 'failed', error: new Error('boom') }], ['service-stable', { status: 'skipped' }]]);
    const r = buildResult({ ...request_, mode: 'deploy', plan, outcomes, findings: { imported: [], notes: [] }, dryRun: false });
    expect(r.headline).toBe('deploy failed');
    expect(Object.keys(r.outputs).sort()).toEqual(['plan', 'stack-name']);
    expect((JSON.parse(r.outputs.plan) as { status: string }[]).map((s) => s.status)).toEqual(['done', 'done', 'failed', 'skipped']);
  });
});
