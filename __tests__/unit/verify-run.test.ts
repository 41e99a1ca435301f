import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AmpQuery, AmpQueryError } from '../../src/aws/amp-query';
import { metricsLogLines, renderMetricsSection } from '../../src/render/metrics';
import { metricsQueries, PromSample, VerifyTarget } from '../../src/verify/metrics';
import { POLL_MS, verifyMetrics } from '../../src/verify/run';

const STACK = 'preview-acme-shop-1a2b3c4d-pr-7';
const target: VerifyTarget = { environment: 'pr-7', stackName: STACK, desiredCount: 1, appImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1' };
const T0 = 1_800_000_000_000;
const q = metricsQueries(target, 1);
const task = { aws_ecs_task_family: STACK, aws_ecs_task_id: 't1' };

/** A workspace whose data arrives at `arrivesAt` (ms); before that every query answers an empty vector. */
function workspace(arrivesAt: number, o: { up?: number } = {}) {
  const asked: number[] = [];
  const sample = (metric: Record<string, string>, v: number, at: number): PromSample => ({ metric, value: [at, String(v)] });
  const query: AmpQuery = {
    async query(promql, time) {
      asked.push(time!);
      const at = time! * 1000;
      const app = { environment: 'pr-7', job: 'app', instance: 'localhost:8080', aws_ecs_task_id: 't1' };
      if (at < arrivesAt) return [];
      const ts = arrivesAt / 1000;
      const scrapes = Math.floor((at - arrivesAt) / 15_000) + 1;
      const window = /\[(\d+s)\]/.exec(promql)?.[1];
      if (promql.startsWith('max_over_time(up')) return [sample(app, o.up ?? 1, time!)];
      if (promql.startsWith('count_over_time(up')) return [sample(app, scrapes, time!)];
      switch (promql) {
        case q.appUp: return [sample({ __name__: 'up', ...app }, o.up ?? 1, time!)];
        case q.appUpTime: return [sample(app, ts, time!)];
        case q.appNames.replace('[1s]', `[${window}]`): return [sample({ __name__: 'up', aws_ecs_task_id: 't1' }, 1, time!), ...(o.up === 0 ? [] : [sample({ __name__: 'http_requests_total', aws_ecs_task_id: 't1' }, 1, time!)])];
        case q.ecsNames.replace('[1s]', `[${window}]`): return ['ecs_task_memory_usage', 'ecs_task_memory_usage_max', 'ecs_task_memory_utilized', 'ecs_task_memory_reserved', 'ecs_task_cpu_usage_total',
          'ecs_task_cpu_usage_vcpu', 'ecs_task_cpu_utilized', 'ecs_task_cpu_reserved', 'ecs_task_storage_read_bytes', 'ecs_task_storage_write_bytes',
          'container_network_rate_rx', 'container_network_rate_tx'].map((n) => sample({ __name__: n, ...task }, 1, time!));
        case q.ecsTime: return [sample(task, ts, time!)];
        case q.ecsUsage: return [sample({ __name__: 'ecs_task_cpu_utilized', ...task }, 64, time!), sample({ __name__: 'ecs_task_cpu_reserved', ...task }, 256, time!),
          sample({ __name__: 'ecs_task_memory_utilized', ...task }, 512, time!), sample({ __name__: 'ecs_task_memory_reserved', ...task }, 1024, time!)];
        default: throw new Error(`unexpected query ${promql}`);
      }
    },
    async series() { return []; },
  };
  return { query, asked };
}

function clock() {
  let t = T0;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => { sleeps.push(ms); t += ms; }, sleeps };
}

const logsWith = (messages: string[]) => {
  const calls: unknown[] = [];
  const client = { send: async (cmd: { input: unknown }) => { calls.push(cmd.input); return { events: messages.map((message) => ({ message })) }; } } as unknown as CloudWatchLogsClient;
  return { client, calls };
};
const request = (o: Partial<Parameters<typeof verifyMetrics>[0]> = {}) => ({ target, since: T0, logsSince: T0 - 300_000, timeoutMs: 180_000, deadline: T0 + 3_600_000, ...o });

test('polls every 2 s until both pipelines arrive, and reads no log when they did', async () => {
  const c = clock();
  const ws = workspace(T0 + 21_000);
  const logs = logsWith([]);
  const lines: string[] = [];
  const v = await verifyMetrics(request(), { query: ws.query, logs: logs.client, log: (l) => lines.push(l), ...c });
  expect(v.verdict.ok).toBe(true);
  expect(v.timedOut).toBe(false);
  expect(c.sleeps.every((ms) => ms === POLL_MS)).toBe(true);
  // Found in the first round at or after the data arrived: at most one poll interval late.
  expect(v.elapsedMs).toBe(22_000);
  expect(v.verdict.live).toBe('1/1 tasks · CPU 25 % · memory 50 % of 1 GiB · app up');
  expect(logs.calls).toEqual([]);
  expect(lines[0]).toMatch(/^Metrics in AMP: app missing, ECS missing/);
  expect(lines.at(-1)).toMatch(/app ok, ECS ok/);
});

test('ends at metrics-timeout-seconds and quotes the collector\'s 403', async () => {
  const c = clock();
  const denied = 'error\tExporting failed.\t{"error": "Permanent error: remote write returned HTTP status 403 Forbidden; err = %!w(<nil>): {\\"Message\\":\\"not authorized to perform: aps:RemoteWrite\\"}"}';
  const logs = logsWith([denied]);
  const v = await verifyMetrics(request({ timeoutMs: 20_000 }), { query: workspace(Number.POSITIVE_INFINITY).query, logs: logs.client, log: () => undefined, ...c });
  expect(v.timedOut).toBe(true);
  expect(v.elapsedMs).toBe(20_000);
  expect(v.verdict.ok).toBe(false);
  expect(logs.calls).toEqual([expect.objectContaining({ logGroupName: `/ecs/${STACK}/aws-otel-collector`, startTime: T0 - 300_000 })]);
  expect(v.collector!.findings.map((f) => f.kind)).toEqual(['remote-write-denied']);
  const section = renderMetricsSection(v, `/ecs/${STACK}/aws-otel-collector`);
  expect(section).toContain('aps:RemoteWrite on the workspace');
  expect(section).toContain('```text\n' + denied + '\n```');
});

test('never waits past the step\'s deadline', async () => {
  const c = clock();
  const v = await verifyMetrics(request({ deadline: T0 + 5_000 }), { query: workspace(Number.POSITIVE_INFINITY).query, logs: logsWith([]).client, log: () => undefined, ...c });
  expect(v.elapsedMs).toBe(5_000);
  expect(c.sleeps).toEqual([2_000, 2_000, 1_000]);
});

test('an app that serves no metrics settles as down after two failed scrapes and reports the scrape error', async () => {
  const c = clock();
  const logs = logsWith(['warn\tinternal/transaction.go:150\tFailed to scrape Prometheus endpoint\t{"target_labels": "{instance=\\"localhost:8080\\"}"}']);
  const v = await verifyMetrics(request(), { query: workspace(T0 + 1_000, { up: 0 }).query, logs: logs.client, log: () => undefined, ...c });
  expect(v.timedOut).toBe(false);
  expect(v.elapsedMs).toBe(16_000);
  expect(v.verdict.app.status).toBe('down');
  expect(v.collector!.findings[0].fix).toMatch(/app-port and app-metrics-path/);
});

test('a refused query stops at once with the error', async () => {
  const c = clock();
  const query: AmpQuery = { query: async () => { throw new AmpQueryError('AMP answered 403 AccessDeniedException: not authorized to perform: aps:QueryMetrics', 403, 'AccessDeniedException'); }, series: async () => [] };
  const v = await verifyMetrics(request(), { query, logs: logsWith([]).client, log: () => undefined, ...c });
  expect(v.rounds).toBe(1);
  expect(v.queryError?.statusCode).toBe(403);
});

test('untrusted text is escaped in the section', () => {
  const v = {
    verdict: {
      ok: false, settled: true, live: '0/1 tasks · app not scraped',
      app: { status: 'missing' as const, series: 0, tasks: 0, missing: [], problems: ['found x_<b>@team</b> but'], settled: true },
      ecs: { status: 'missing' as const, series: 0, tasks: 0, missing: [], problems: [], settled: true },
    },
    timedOut: true, elapsedMs: 180_000, rounds: 90,
    collector: { lines: 1, findings: [{ kind: 'scrape' as const, meaning: 'm', fix: 'f', line: '```\n@someone <img src=x>', count: 1 }] },
  };
  const md = renderMetricsSection(v, '/ecs/s/aws-otel-collector');
  expect(md).toContain('x\\_\\<b\\>@\u2060team\\</b\\>');
  expect(md).toContain('````text\n```\n@someone <img src=x>\n````');
  expect(metricsLogLines(v, '/ecs/s/aws-otel-collector')).toContain('  Collector log (1 line(s)): m Fix: f');
});
