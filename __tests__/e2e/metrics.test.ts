// metrics-check through dist/index.js against the sandbox's task runtime: the collector stand-in does what the
// rendered configuration says and remote-writes to the sandbox's AMP data plane, a real Prometheus. Each scenario
// asserts the `metrics` output AND what that Prometheus holds (or the stored comment), never the log's words alone.
import { parse, stringify } from 'yaml';
import { PreviewFixture, quickCollector, startFixture } from '../../sandbox/src/harness/fixture';
import { defaultStackName } from '../../src/aws/stack-names';
import { ECS_EXPORTED_METRICS } from '../../src/render/adot-config';
import { ok } from './support';

const stackFor = (pr: number) => defaultStackName('acme/shop', `pr-${pr}`);

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { cfnResource: { default: 10, ChangeSet: 20, 'ECS::Stabilize': 100 } } });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  fx.sandbox.runtime.setConfigTransform(quickCollector);
});

/** The fixture's quick timing plus whatever a scenario changes; the rest is what the task definition holds. */
function collectorConfig(change: (config: Record<string, any>) => void = () => undefined) {
  fx.sandbox.runtime.setConfigTransform((raw) => {
    const config = parse(quickCollector(raw)) as Record<string, any>;
    change(config);
    return stringify(config);
  });
}

async function provisioned(): Promise<{ pr: number; workspaceId: string }> {
  const pr = fx.pullRequest();
  ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
  const ws = fx.state().ampWorkspaces.find((w) => w.alias === `acme/shop/pr-${pr}`)!;
  return { pr, workspaceId: ws.id };
}

/** What the workspace's Prometheus answers to an instant query, straight from the server behind the sandbox's AMP. */
async function promQuery(workspaceId: string, query: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const base = await fx.sandbox.prometheus.urlFor(workspaceId);
  const res = await fetch(`${base}/api/v1/query?${new URLSearchParams({ query })}`);
  const body = await res.json() as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  return body.data.result;
}

const metricsOf = (outputs: Record<string, string>) => JSON.parse(outputs.metrics) as {
  ok: boolean; live: string;
  app: { status: string; series: number; tasks: number; newestAgeSeconds: number | null; missing: string[]; problems: string[] };
  ecs: { status: string; series: number; tasks: number; newestAgeSeconds: number | null; missing: string[]; problems: string[] };
};

describe('metrics-check after deploy', () => {
  it('proves both pipelines on a default deploy, with the live numbers', async () => {
    collectorConfig();
    const { pr, workspaceId } = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy' }, { pr }));
    const m = metricsOf(run.outputs);
    expect(m.ok).toBe(true);
    expect(m.app).toMatchObject({ status: 'ok', tasks: 1, missing: [] });
    expect(m.ecs).toMatchObject({ status: 'ok', tasks: 1, missing: [], series: ECS_EXPORTED_METRICS.length });
    expect(m.live).toMatch(/^1\/1 tasks · CPU (<1|\d+) % · memory \d+ % of 1 GiB · app up$/);

    // The data is really there, with the labels the dashboards group by.
    const taskId = (await promQuery(workspaceId, `up{environment="pr-${pr}"}`))[0]?.metric.aws_ecs_task_id;
    expect(taskId).toMatch(/^[0-9a-f]{32}$/);
    const memory = await promQuery(workspaceId, `ecs_task_memory_reserved{aws_ecs_task_family="${stackFor(pr)}"}`);
    expect(memory).toEqual([expect.objectContaining({ metric: expect.objectContaining({ aws_ecs_task_id: taskId }), value: [expect.any(Number), '1024'] })]);
    expect(fx.comments(pr)[0]).toContain('<summary>deploy: metrics in AMP</summary>');
    expect(fx.comments(pr)[0]).toContain(m.live);
  });

  it('names the missing per-task labels when resource_to_telemetry_conversion is off', async () => {
    collectorConfig((c) => { c.exporters.prometheusremotewrite.resource_to_telemetry_conversion = { enabled: false }; });
    const { pr, workspaceId } = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy' }, { pr }));
    const m = metricsOf(run.outputs);
    expect(m.ok).toBe(false);
    expect(m.ecs.missing).toEqual(['aws_ecs_task_family', 'aws_ecs_task_id']);
    expect(m.ecs.problems.join('\n')).toMatch(/no aws_ecs_task_id label on the ECS series: resource_to_telemetry_conversion is off/);
    // In Prometheus the ECS series have no task labels (they are on target_info only).
    const series = await promQuery(workspaceId, 'ecs_task_memory_reserved');
    expect(series.length).toBeGreaterThan(0);
    expect(series.every((s) => s.metric.aws_ecs_task_id === undefined)).toBe(true);
  });

  it('says the dashboards\' names are missing when add_metric_suffixes is on', async () => {
    collectorConfig((c) => { c.exporters.prometheusremotewrite.add_metric_suffixes = true; });
    const { pr, workspaceId } = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy' }, { pr }));
    const m = metricsOf(run.outputs);
    expect(m.ecs.status).toBe('incomplete');
    expect(m.ecs.missing).toContain('ecs_task_memory_utilized');
    const names = (await promQuery(workspaceId, `group by (__name__) ({__name__=~"ecs_task_memory_utilized.*", aws_ecs_task_family="${stackFor(pr)}"})`)).map((s) => s.metric.__name__);
    expect(names).not.toContain('ecs_task_memory_utilized');
    const suffixed = names.find((n) => n.startsWith('ecs_task_memory_utilized_'))!;
    expect(suffixed).toBeDefined();
    expect(m.ecs.problems).toContain(`found ${suffixed} but the dashboards query ecs_task_memory_utilized: add_metric_suffixes is on; set it to false on an ADOT release that has it (v0.35–v0.49).`);
  });

  it('fails under metrics-check fail when the task role may not remote-write, quoting the collector\'s 403', async () => {
    collectorConfig();
    const { pr, workspaceId } = await provisioned();
    ok(await fx.run({ mode: 'deploy', 'metrics-check': 'off' }, { pr }));
    // Writes were arriving before the policy goes (a deploy without the check returns before the first batch may land).
    for (let i = 0; i < 100 && (await promQuery(workspaceId, `up{environment="pr-${pr}"}`)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await promQuery(workspaceId, `up{environment="pr-${pr}"}`)).not.toHaveLength(0);
    // The task role loses its remote-write policy: the running task's writes are now refused.
    const wsArn = fx.state().ampWorkspaces.find((w) => w.id === workspaceId)!.arn;
    const role = [...fx.sandbox.iam.roles.values()].find((r) => JSON.stringify(r.policies).includes('aps:RemoteWrite') && JSON.stringify(r.policies).includes(wsArn))!;
    expect(role).toBeDefined();
    role.policies = {};
    const cleared = Date.now();
    const run = await fx.run({ mode: 'deploy', 'metrics-check': 'fail', 'metrics-timeout-seconds': '10' }, { pr });
    expect(run.code).not.toBe(0);
    const m = metricsOf(run.outputs);
    expect(m.ok).toBe(false);
    expect(m.ecs.status).toBe('missing');
    const comment = fx.comments(pr)[0];
    expect(comment).toMatch(/remote write returned HTTP status 403/);
    expect(comment).toContain('The task role needs aps:RemoteWrite on the workspace');
    // Every write since the policy went was refused: Prometheus holds nothing scraped after that.
    const newest = await promQuery(workspaceId, `max(timestamp(up{environment="pr-${pr}"}))`);
    expect(Number(newest[0].value[1]) * 1000).toBeLessThanOrEqual(cleared);
  });

  it('reports up 0 and the scrape error for an app that serves no metrics', async () => {
    collectorConfig();
    const { pr, workspaceId } = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy', 'app-image': 'public.ecr.aws/nginx/nginx:1.27' }, { pr }));
    const m = metricsOf(run.outputs);
    expect(m.app.status).toBe('down');
    expect(m.ecs.status).toBe('ok');
    expect(m.live).toMatch(/app down$/);
    expect((await promQuery(workspaceId, `up{environment="pr-${pr}"}`)).map((s) => s.value[1])).toEqual(['0']);
    expect(fx.comments(pr)[0]).toContain('Failed to scrape Prometheus endpoint');
    expect(fx.comments(pr)[0]).toMatch(/app-port and app-metrics-path/);
  });

  it('is skipped on a dry run', async () => {
    const { pr } = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy', 'dry-run': 'true' }, { pr }));
    expect(run.outputs.metrics).toBeUndefined();
    expect(fx.sandbox.log.filter((e) => e.service === 'aps' && e.operation === 'QueryMetrics')).toEqual([]);
  });
});
