// The metrics judgement on answers shaped like Prometheus's instant-query JSON (data.result of a vector), built
// from a small model of what the collector writes under each configuration.
import { ECS_EXPORTED_METRICS, SAMPLE_APP_METRICS, SCRAPE_METRICS } from '../../src/render/adot-config';
import { Answers, judgeMetrics, metricsOutput, metricsQueries, PromSample, suffixedFrom, VerifyTarget } from '../../src/verify/metrics';

const STACK = 'preview-acme-shop-1a2b3c4d-pr-7';
const target: VerifyTarget = { environment: 'pr-7', stackName: STACK, desiredCount: 1, appImage: 'public.ecr.aws/aws-otel-test/prometheus-sample-app:latest' };
const NOW = 1_800_000_000_000;
const SINCE = NOW - 60_000;
const opts = { since: SINCE, now: NOW };
const ECS_UNITS: Record<string, string> = {
  ecs_task_memory_usage: 'Bytes', ecs_task_memory_usage_max: 'Bytes', ecs_task_memory_utilized: 'Megabytes', ecs_task_memory_reserved: 'Megabytes',
  ecs_task_cpu_usage_total: 'Nanoseconds', ecs_task_cpu_usage_vcpu: 'vCPU', ecs_task_cpu_utilized: 'None', ecs_task_cpu_reserved: 'None',
  ecs_task_storage_read_bytes: 'Bytes', ecs_task_storage_write_bytes: 'Bytes', container_network_rate_rx: 'Bytes_per_Second', container_network_rate_tx: 'Bytes_per_Second',
};

interface Task {
  id: string;
  family?: string;
  /** ms of the newest sample of both pipelines */
  at: number;
  up?: number;
  /** scrapes since the deploy (all with the value `up`) */
  scrapes?: number;
  cpu?: [used: number, reserved: number];
  memory?: [usedMiB: number, reservedMiB: number];
}
interface World {
  tasks: Task[];
  /** resource_to_telemetry_conversion (default on) */
  conversion?: boolean;
  /** add_metric_suffixes (default off) */
  suffixes?: boolean;
  /** the resourcedetection ecs detector in the app pipeline (default on) */
  detector?: boolean;
  appNames?: string[];
}

const vec = (metric: Record<string, string>, value: number): PromSample => ({ metric, value: [NOW / 1000, String(value)] });

/** What each of metricsQueries' queries answers for the world, the way Prometheus evaluates it. */
function answers(w: World): Answers {
  const conversion = w.conversion ?? true;
  const detector = (w.detector ?? true) && conversion;
  const ecsName = (n: string) => (w.suffixes ? `${n}_${ECS_UNITS[n]}` : n);
  const ecsLabels = (t: Task): Record<string, string> => (conversion ? { aws_ecs_task_family: t.family ?? STACK, aws_ecs_task_id: t.id } : {});
  const appLabels = (t: Task): Record<string, string> => ({ environment: 'pr-7', instance: 'localhost:8080', job: 'app', ...(detector ? { aws_ecs_task_id: t.id, aws_ecs_task_family: t.family ?? STACK } : {}) });
  const a: Answers = { appUp: [], appUpTime: [], appUpMax: [], appUpCount: [], appNames: [], ecsNames: [], ecsTime: [], ecsUsage: [] };
  const groups = new Map<string, PromSample>();
  const group = (into: PromSample[], metric: Record<string, string>, value: number, pick: (x: number, y: number) => number) => {
    const key = JSON.stringify([into === a.ecsTime, metric]);
    const seen = groups.get(key);
    if (seen) seen.value[1] = String(pick(Number(seen.value[1]), value));
    else { const s = vec(metric, value); groups.set(key, s); into.push(s); }
  };
  for (const t of w.tasks) {
    if (t.up !== undefined) {
      a.appUp.push(vec({ __name__: 'up', ...appLabels(t) }, t.up));
      a.appUpTime.push(vec(appLabels(t), t.at / 1000));
      if ((t.scrapes ?? 3) > 0) {
        a.appUpMax.push(vec(appLabels(t), t.up));
        a.appUpCount.push(vec(appLabels(t), t.scrapes ?? 3));
      }
      const names = [...SCRAPE_METRICS, ...(t.up === 1 ? w.appNames ?? SAMPLE_APP_METRICS : [])];
      // last_over_time over the window since the deploy: an earlier task's series are not in it.
      if (t.at >= SINCE) for (const n of names) group(a.appNames, { __name__: n, ...(detector ? { aws_ecs_task_id: t.id } : {}) }, 1, (x, y) => x + y);
    }
    if (t.at >= SINCE) for (const n of ECS_EXPORTED_METRICS) group(a.ecsNames, { __name__: ecsName(n), ...ecsLabels(t) }, 1, (x, y) => x + y);
    group(a.ecsTime, ecsLabels(t), t.at / 1000, Math.max);
    if (conversion && (t.family ?? STACK) === STACK && !w.suffixes) {
      const [cu, cr] = t.cpu ?? [8, 256];
      const [mu, mr] = t.memory ?? [420, 1024];
      a.ecsUsage.push(vec({ __name__: 'ecs_task_cpu_utilized', ...ecsLabels(t) }, cu), vec({ __name__: 'ecs_task_cpu_reserved', ...ecsLabels(t) }, cr),
        vec({ __name__: 'ecs_task_memory_utilized', ...ecsLabels(t) }, mu), vec({ __name__: 'ecs_task_memory_reserved', ...ecsLabels(t) }, mr));
    }
  }
  return a;
}

const fresh = (id: string, o: Partial<Task> = {}): Task => ({ id, at: NOW - 5_000, up: 1, ...o });

describe('metricsQueries', () => {
  test('scope the app pipeline by environment and the task pipeline by the stack as task family', () => {
    const q = metricsQueries(target, 42.5);
    expect(q.appUp).toBe('up{environment="pr-7"}');
    expect(q.appUpCount).toBe('count_over_time(up{environment="pr-7"}[43s])');
    expect(q.ecsUsage).toContain(`aws_ecs_task_family="${STACK}"`);
    expect(q.ecsNames).toContain('count by (__name__, aws_ecs_task_family, aws_ecs_task_id)');
  });
  test('quote label values as PromQL strings', () => {
    expect(metricsQueries({ ...target, environment: 'a"b\\c' }).appUp).toBe('up{environment="a\\"b\\\\c"}');
  });
});

describe('judgeMetrics', () => {
  test('a default deploy: both pipelines arrived, with the live numbers as the dashboards compute them', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('t1', { cpu: [8, 256], memory: [420, 1024] })] }), opts);
    expect(v.ok).toBe(true);
    expect(v.settled).toBe(true);
    expect(v.ecs).toMatchObject({ status: 'ok', tasks: 1, newestAgeSeconds: 5, missing: [], problems: [] });
    expect(v.app).toMatchObject({ status: 'ok', tasks: 1, newestAgeSeconds: 5, missing: [], problems: [] });
    expect(v.ecs.series).toBe(ECS_EXPORTED_METRICS.length);
    expect(v.live).toBe('1/1 tasks · CPU 3 % · memory 41 % of 1 GiB · app up');
  });

  test('nothing in the workspace: both pipelines missing, not settled', () => {
    const v = judgeMetrics(target, answers({ tasks: [] }), opts);
    expect(v.ok).toBe(false);
    expect(v.settled).toBe(false);
    expect(v.ecs.status).toBe('missing');
    expect(v.app.status).toBe('missing');
    expect(v.ecs.newestAgeSeconds).toBeUndefined();
    expect(v.live).toBe('0/1 tasks · app not scraped');
  });

  test('samples from before this deploy do not count, and their age is reported', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('old', { at: SINCE - 120_000 })] }), opts);
    expect(v.ecs.status).toBe('missing');
    expect(v.ecs.newestAgeSeconds).toBe(180);
    expect(v.ecs.problems[0]).toMatch(/newer than this deploy \(the newest is 3 min old\)/);
    expect(v.app.status).toBe('missing');
  });

  test('an earlier deploy\'s task still in the lookback is not counted as a task', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('new'), fresh('old', { at: SINCE - 10_000 })] }), opts);
    expect(v.ecs.tasks).toBe(1);
    expect(v.live.startsWith('1/1 tasks')).toBe(true);
  });

  test('another environment in a shared workspace is ignored', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('other', { family: 'preview-acme-shop-1a2b3c4d-pr-8', up: undefined })] }), opts);
    expect(v.ecs.status).toBe('missing');
    expect(v.ecs.series).toBe(0);
  });

  test('two of three tasks reporting: incomplete and still waiting', () => {
    const v = judgeMetrics({ ...target, desiredCount: 3 }, answers({ tasks: [fresh('a'), fresh('b')] }), opts);
    expect(v.ecs.status).toBe('incomplete');
    expect(v.ecs.settled).toBe(false);
    expect(v.app.settled).toBe(false);
    expect(v.ecs.problems).toContain('ECS series from 2 of 3 tasks so far.');
    expect(v.live).toMatch(/^2\/3 tasks · CPU 3 % \(mean\)/);
  });

  test('without resource_to_telemetry_conversion the missing labels are named, with the cause', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('t1')], conversion: false }), opts);
    expect(v.ok).toBe(false);
    expect(v.settled).toBe(true);
    expect(v.ecs.status).toBe('incomplete');
    expect(v.ecs.missing).toEqual(['aws_ecs_task_family', 'aws_ecs_task_id']);
    expect(v.ecs.problems).toContain("no aws_ecs_task_id label on the ECS series: resource_to_telemetry_conversion is off in the collector's prometheusremotewrite exporter (the labels exist only on target_info); turn it on.");
    expect(v.app.missing).toContain('aws_ecs_task_id');
    expect(v.app.problems.join('\n')).toMatch(/no aws_ecs_task_id label on the app's series: resource_to_telemetry_conversion is off/);
  });

  test('without the ecs detector only the app pipeline lacks the task label, and the cause is the detector', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('t1')], detector: false }), opts);
    expect(v.ecs.status).toBe('ok');
    expect(v.app.status).toBe('incomplete');
    expect(v.app.problems.join('\n')).toMatch(/resourcedetection processor with the ecs detector/);
  });

  test('with add_metric_suffixes on it names the suffixed series the dashboards do not query', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('t1')], suffixes: true }), opts);
    expect(v.ecs.status).toBe('incomplete');
    expect(v.ecs.settled).toBe(true);
    expect(v.ecs.missing).toEqual([...ECS_EXPORTED_METRICS]);
    expect(v.ecs.problems).toContain('found ecs_task_memory_utilized_Megabytes but the dashboards query ecs_task_memory_utilized: add_metric_suffixes is on; set it to false on an ADOT release that has it (v0.35–v0.49).');
    expect(v.ecs.problems.find((p) => p.includes('the dashboards query ecs_task_memory_usage:'))).toMatch(/^found ecs_task_memory_usage_Bytes but/);
    expect(v.live).toBe('1/1 tasks · app up');
  });

  test('an app serving no metrics: up 0, settled only once two scrapes since the deploy failed', () => {
    const early = judgeMetrics(target, answers({ tasks: [fresh('t1', { up: 0, scrapes: 1 })] }), opts);
    expect(early.app.status).toBe('down');
    expect(early.app.settled).toBe(false);
    const late = judgeMetrics(target, answers({ tasks: [fresh('t1', { up: 0 })] }), opts);
    expect(late.app.settled).toBe(true);
    expect(late.app.problems).toContain('up is 0 on 1 of 1 scrape target(s): the collector cannot scrape the app; check app-port and app-metrics-path against what the app serves.');
    expect(late.live).toBe('1/1 tasks · CPU 3 % · memory 41 % of 1 GiB · app down');
    expect(late.ecs.status).toBe('ok');
  });

  test('a custom app is not held to the sample app\'s names, but must serve some series', () => {
    const custom = { ...target, appImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1' };
    expect(judgeMetrics(custom, answers({ tasks: [fresh('t1')], appNames: ['http_requests_total'] }), opts).app.status).toBe('ok');
    const empty = judgeMetrics(custom, answers({ tasks: [fresh('t1')], appNames: [] }), opts);
    expect(empty.app.status).toBe('incomplete');
    expect(empty.app.problems).toContain('the app answers the scrape but serves no series of its own.');
  });

  test('the sample app\'s missing series are named', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('t1')], appNames: SAMPLE_APP_METRICS.filter((n) => n !== 'test_gauge0') }), opts);
    expect(v.app.missing).toEqual(['test_gauge0']);
  });

  test('memory below a GiB is shown in MiB; tiny CPU as <1 %', () => {
    const v = judgeMetrics(target, answers({ tasks: [fresh('t1', { cpu: [1, 256], memory: [100, 512] })] }), opts);
    expect(v.live).toBe('1/1 tasks · CPU <1 % · memory 20 % of 512 MiB · app up');
  });
});

test('suffixedFrom picks the longest plain name a suffixed one extends', () => {
  expect(suffixedFrom('ecs_task_memory_usage_max_Bytes', ECS_EXPORTED_METRICS)).toBe('ecs_task_memory_usage_max');
  expect(suffixedFrom('ecs_task_memory_usage_Bytes', ECS_EXPORTED_METRICS)).toBe('ecs_task_memory_usage');
  expect(suffixedFrom('ecs_task_memory_usage_max', ECS_EXPORTED_METRICS)).toBeUndefined();
});

test('metricsOutput is JSON with both pipelines', () => {
  const out = JSON.parse(metricsOutput(judgeMetrics(target, answers({ tasks: [fresh('t1')] }), opts)));
  expect(out).toMatchObject({ ok: true, app: { status: 'ok', newestAgeSeconds: 5 }, ecs: { status: 'ok', tasks: 1, missing: [] } });
  expect(JSON.parse(metricsOutput(judgeMetrics(target, answers({ tasks: [] }), opts))).ecs.newestAgeSeconds).toBeNull();
});
