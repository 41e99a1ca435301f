// The sandbox runs each RUNNING task of the preview stack: the app stand-in, and a collector stand-in doing what the
// task definition's AOT_CONFIG_CONTENT says, remote-writing to the AMP data plane (a real Prometheus) with the task
// role's credentials and logging to the stack's CloudWatch Logs groups. Assertions read the backing Prometheus and
// the log streams, never the stand-ins' own words. Intervals are shortened through the configuration itself
// (runtime.setConfigTransform), not through a time scale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AmpClient, CreateWorkspaceCommand, DescribeWorkspaceCommand } from '@aws-sdk/client-amp';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { parse, stringify } from 'yaml';
import { ADOT_IMAGE, renderAdotConfig } from '../../src/render/adot-config';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { clientConfig, FAST, REGION, waitFor } from './support';

const TEMPLATE = readFileSync(join(__dirname, '..', '..', 'templates', 'preview-stack.yaml'), 'utf8');
const SECONDS = 1000;

let sandbox: Sandbox;
let cfn: CloudFormationClient;
let logs: CloudWatchLogsClient;
const workspaces: Record<'main' | 'other', { id: string; arn: string; remoteWrite: string }> = {} as never;

beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
  cfn = new CloudFormationClient(clientConfig(sandbox));
  logs = new CloudWatchLogsClient(clientConfig(sandbox));
  const amp = new AmpClient(clientConfig(sandbox));
  for (const name of ['main', 'other'] as const) {
    const { workspaceId, arn } = await amp.send(new CreateWorkspaceCommand({ alias: name }));
    const endpoint = await waitFor(async () => {
      const ws = (await amp.send(new DescribeWorkspaceCommand({ workspaceId }))).workspace!;
      return ws.status?.statusCode === 'ACTIVE' ? ws.prometheusEndpoint! : undefined;
    });
    workspaces[name] = { id: workspaceId!, arn: arn!, remoteWrite: `${endpoint}remote_write` };
  }
}, 60 * SECONDS);
afterAll(() => sandbox?.close());
afterEach(() => sandbox.runtime.setConfigTransform(undefined));

/** Shortens the configured intervals, as a user could in the configuration, and applies `edit`. */
function transform(edit: (c: Record<string, any>) => void = () => undefined) {
  sandbox.runtime.setConfigTransform((text) => {
    const c = parse(text);
    c.receivers.prometheus.config.global.scrape_interval = '1s';
    c.receivers.prometheus.config.global.scrape_timeout = '1s';
    c.receivers.awsecscontainermetrics.collection_interval = '1s';
    c.processors.batch.timeout = '1s';
    edit(c);
    return stringify(c);
  });
}

async function deploy(stack: string, o: { appImage?: string; desiredCount?: number; grantTo?: 'main' | 'other' } = {}): Promise<string[]> {
  const ws = workspaces.main;
  const config = renderAdotConfig({ region: REGION, remoteWriteUrl: ws.remoteWrite, appPort: 8080, metricsPath: '/metrics', environment: stack });
  const parameters: Record<string, string> = {
    EnvironmentName: stack, AmpWorkspaceArn: workspaces[o.grantTo ?? 'main'].arn, AdotConfig: config, AdotImage: ADOT_IMAGE,
    DesiredCount: String(o.desiredCount ?? 1), ...(o.appImage ? { AppImage: o.appImage } : {}),
  };
  await cfn.send(new CreateStackCommand({
    StackName: stack, TemplateBody: TEMPLATE, Capabilities: ['CAPABILITY_IAM'],
    Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
  }));
  await waitFor(async () => {
    const status = (await cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks![0].StackStatus;
    if (status?.endsWith('FAILED') || status?.includes('ROLLBACK')) throw new Error(`stack ${stack}: ${status}`);
    return status === 'CREATE_COMPLETE' ? true : undefined;
  }, 30 * SECONDS);
  const tasks = sandbox.runtime.tasks().filter((t) => t.family === stack);
  await Promise.all(tasks.map((t) => t.ready));
  return tasks.map((t) => t.taskId);
}

interface PromSeries { metric: Record<string, string>; value: [number, string] }

async function query(workspace: 'main' | 'other', promql: string): Promise<PromSeries[]> {
  const base = await sandbox.prometheus.urlFor(workspaces[workspace].id);
  const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await res.json()) as { status: string; data: { result: PromSeries[] }; error?: string };
  if (body.status !== 'success') throw new Error(`${promql}: ${body.error}`);
  return body.data.result;
}

const until = (workspace: 'main' | 'other', promql: string, count = 1) =>
  waitFor(async () => { const r = await query(workspace, promql); return r.length >= count ? r : undefined; }, 30 * SECONDS);

async function collectorLog(stack: string, taskId: string, pattern: string): Promise<string[]> {
  const group = `/ecs/${stack}/aws-otel-collector`;
  const out = await logs.send(new FilterLogEventsCommand({ logGroupName: group, logStreamNames: [`collector/aws-otel-collector/${taskId}`], filterPattern: pattern }));
  return (out.events ?? []).map((e) => e.message!);
}

const waitForLog = (stack: string, taskId: string, pattern: string) =>
  waitFor(async () => { const lines = await collectorLog(stack, taskId, pattern); return lines.length > 0 ? lines : undefined; }, 30 * SECONDS);

describe('the sandbox runs each task', () => {
  it('serves the sample app on a loopback port: / answers, /metrics has its series', async () => {
    transform();
    const [taskId] = await deploy('rt-app');
    const task = sandbox.runtime.tasks().find((t) => t.taskId === taskId)!;
    const address = sandbox.runtime.appAddress(task.taskArn)!;
    expect(address.host).toBe('127.0.0.1');
    expect(await (await fetch(`http://${address.host}:${address.port}/`)).text()).toBe('healthy');
    const metrics = await (await fetch(`http://${address.host}:${address.port}/metrics`)).text();
    for (const name of ['test_counter0_total', 'test_gauge0', 'test_histogram0_bucket{le="+Inf"}', 'test_summary0_count']) expect(metrics).toContain(`\n${name}`);
    // The app's stdout reaches its awslogs stream, named <prefix>/<container>/<task id>.
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/rt-app/app' }));
    expect(streams.logStreams!.map((s) => s.logStreamName)).toEqual([`app/app/${taskId}`]);
    const events = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/rt-app/app', logStreamName: `app/app/${taskId}`, startFromHead: true }));
    expect(events.events!.map((e) => e.message)).toEqual(['Invalid address entered, serving on 0.0.0.0:8080']);
  }, 60 * SECONDS);

  it('remote-writes the app series and the ECS task series with per-task labels, signed as the task role', async () => {
    transform();
    const taskIds = await deploy('rt-main', { desiredCount: 2 });
    expect(taskIds).toHaveLength(2);
    const up = await until('main', 'up{environment="rt-main"}', 2);
    expect(up.map((s) => s.metric.aws_ecs_task_id).sort()).toEqual([...taskIds].sort());
    expect(up.every((s) => s.value[1] === '1' && s.metric.job === 'app' && s.metric.instance === 'localhost:8080')).toBe(true);
    const counters = await until('main', 'test_counter0_total{environment="rt-main"}', 2);
    expect(counters[0].metric).toMatchObject({ aws_ecs_task_family: 'rt-main', cloud_platform: 'aws_ecs' });
    const reserved = await until('main', 'ecs_task_cpu_reserved{aws_ecs_task_family="rt-main"}', 2);
    expect(reserved.map((s) => [s.metric.aws_ecs_task_id, s.value[1]]).sort()).toEqual(taskIds.map((id) => [id, '256']).sort());
    const memory = await until('main', 'ecs_task_memory_reserved{aws_ecs_task_family="rt-main"}', 2);
    expect(memory.every((s) => s.value[1] === '1024')).toBe(true);
    // Utilisation as the dashboards compute it stays between 0 and 100 %.
    const cpu = await until('main', '100 * ecs_task_cpu_utilized{aws_ecs_task_family="rt-main"} / ecs_task_cpu_reserved', 2);
    expect(cpu.every((s) => Number(s.value[1]) > 0 && Number(s.value[1]) < 100)).toBe(true);
    // The filter let through only what the configuration lists.
    expect(await query('main', 'ecs_task_cpu_cores{aws_ecs_task_family="rt-main"}')).toEqual([]);
    // Every write was signed by the task role's session, named after the task.
    const writers = new Set(sandbox.authorizations.filter((a) => a.action === 'aps:RemoteWrite' && a.allowed && a.resource === workspaces.main.arn).map((a) => a.principal));
    for (const id of taskIds) expect([...writers].some((w) => /^arn:aws:sts::\d{12}:assumed-role\/rt-main-TaskRole-[^/]+\//.test(w) && w.endsWith(`/${id}`))).toBe(true);
    expect(await collectorLog('rt-main', taskIds[0], '"Everything is ready"')).toHaveLength(1);
    // The tasks' traffic is logged apart from clients' requests.
    expect(sandbox.runtime.requests.some((r) => r.operation === 'RemoteWrite' && r.status === 200)).toBe(true);
    expect(sandbox.log.filter((r) => r.operation === 'RemoteWrite')).toEqual([]);
  }, 90 * SECONDS);

  it('without resource_to_telemetry_conversion the task labels exist only on target_info', async () => {
    transform((c) => { c.exporters.prometheusremotewrite.resource_to_telemetry_conversion.enabled = false; });
    const [taskId] = await deploy('rt-noconv');
    const info = await until('main', `target_info{aws_ecs_task_id="${taskId}", aws_ecs_task_family="rt-noconv"}`);
    expect(info.length).toBeGreaterThan(0);
    const up = await until('main', 'up{environment="rt-noconv"}');
    expect(up[0].metric.aws_ecs_task_id).toBeUndefined();
    const reserved = await until('main', 'ecs_task_cpu_reserved{aws_ecs_task_id=""}');
    expect(reserved.every((s) => s.metric.aws_ecs_task_family === undefined)).toBe(true);
  }, 60 * SECONDS);

  it('with add_metric_suffixes the names carry the units the receiver gives', async () => {
    transform((c) => { delete c.exporters.prometheusremotewrite.add_metric_suffixes; });
    await deploy('rt-suffix');
    await until('main', 'ecs_task_memory_usage_Bytes{aws_ecs_task_family="rt-suffix"}');
    await until('main', 'ecs_task_cpu_reserved_None{aws_ecs_task_family="rt-suffix"}');
    await until('main', 'container_network_rate_rx_Bytes_per_Second{aws_ecs_task_family="rt-suffix"}');
    await until('main', 'ecs_task_memory_utilized_Megabytes{aws_ecs_task_family="rt-suffix"}');
    expect(await query('main', 'ecs_task_memory_usage{aws_ecs_task_family="rt-suffix"}')).toEqual([]);
  }, 60 * SECONDS);

  it('a task role without aps:RemoteWrite on the workspace stores nothing, and the collector logs the 403', async () => {
    transform();
    // The task role may write to the other workspace only; the collector writes to the main one.
    const [taskId] = await deploy('rt-denied', { grantTo: 'other' });
    const [line] = await waitForLog('rt-denied', taskId, '"Exporting failed"');
    expect(line).toMatch(/\terror\t.*Exporting failed\. Dropping data\..*remote write returned HTTP status 403 Forbidden; err = %!w\(<nil>\): .*is not authorized to perform: aps:RemoteWrite/);
    expect(await query('main', `{aws_ecs_task_id="${taskId}"}`)).toEqual([]);
    expect(await query('main', 'up{environment="rt-denied"}')).toEqual([]);
    expect(sandbox.runtime.requests.some((r) => r.operation === 'RemoteWrite' && r.status === 403)).toBe(true);
  }, 60 * SECONDS);

  it('an image the sandbox does not know serves no metrics: up is 0 and the receiver warns', async () => {
    transform();
    const [taskId] = await deploy('rt-nometrics', { appImage: 'public.ecr.aws/nginx/nginx:1.27' });
    const task = sandbox.runtime.tasks().find((t) => t.taskId === taskId)!;
    const address = sandbox.runtime.appAddress(task.taskArn)!;
    expect((await fetch(`http://${address.host}:${address.port}/`)).status).toBe(200);
    expect((await fetch(`http://${address.host}:${address.port}/metrics`)).status).toBe(404);
    const up = await until('main', 'up{environment="rt-nometrics"}');
    expect(up[0].value[1]).toBe('0');
    const [warning] = await waitForLog('rt-nometrics', taskId, '"Failed to scrape Prometheus endpoint"');
    expect(warning).toContain('\twarn\t');
    expect(warning).toContain('instance=\\"localhost:8080\\"');
  }, 60 * SECONDS);

  it('a configuration the collector refuses logs its error and writes nothing', async () => {
    transform((c) => {
      c.exporters.logging = {};
      c.service.pipelines['metrics/ecs'].exporters.push('logging');
    });
    const [taskId] = await deploy('rt-refused');
    const lines = await waitForLog('rt-refused', taskId, '"application run finished with error"');
    expect(lines[0]).toContain("'exporters' unknown type: \"logging\" for id: \"logging\"");
    expect(await query('main', `{aws_ecs_task_id="${taskId}"}`)).toEqual([]);
  }, 60 * SECONDS);

  it('stops the stand-ins when their task stops and when the sandbox closes', async () => {
    const other = await startSandbox({ latencies: FAST });
    const cluster = other.ecs.createCluster('c', REGION, '123456789012');
    const td = other.ecs.registerTaskDefinition('fam', '256', '512', [{ name: 'app', image: 'public.ecr.aws/aws-otel-test/prometheus-sample-app:v1', portMappings: [{ containerPort: 8080 }] }], REGION, '123456789012');
    const service = {
      name: 's', arn: `${cluster.arn.replace(':cluster/', ':service/')}/s`, clusterArn: cluster.arn, taskDefinition: td.arn, desiredCount: 1, createdAt: new Date(), events: [],
      deployment: { id: '', rolloutState: 'IN_PROGRESS' as const, rolloutStateReason: '', failedTasks: 0, createdAt: new Date(), updatedAt: new Date() },
    };
    other.ecs.services.set(service.arn, service);
    const addressOfRunningTask = async () => {
      const [task] = other.runtime.tasks();
      await task.ready;
      return { task, address: other.runtime.appAddress(task.taskArn)! };
    };
    await other.ecs.deploy(service, 10);
    const first = await addressOfRunningTask();
    expect((await fetch(`http://${first.address.host}:${first.address.port}/`)).status).toBe(200);
    // A new deployment stops the old task: its app no longer listens.
    await other.ecs.deploy(service, 10);
    await waitFor(async () => (other.runtime.task(first.task.taskArn) ? undefined : true));
    await expect(fetch(`http://${first.address.host}:${first.address.port}/`)).rejects.toThrow();
    const second = await addressOfRunningTask();
    await other.close();
    expect(other.runtime.tasks()).toEqual([]);
    await expect(fetch(`http://${second.address.host}:${second.address.port}/`)).rejects.toThrow();
  });
});
