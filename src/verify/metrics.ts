/**
 * Whether this environment's metrics reached AMP, judged from Prometheus query answers. Pure: the
 * queries come from here, the answers from src/aws/amp-query.ts, the verdict goes to the report.
 *
 * Names and labels are the ones the collector configuration produces (src/render/adot-config.ts)
 * and the dashboards in dashboards/ group by: the app's series carry the static `environment` label
 * and, from the resourcedetection `ecs` detector, `aws_ecs_task_id`; the ECS series carry the task's
 * resource attributes as labels (`aws_ecs_task_family` is the stack name, `aws_ecs_task_id`) only with
 * resource_to_telemetry_conversion on, and keep their plain names only with add_metric_suffixes off.
 */
import { ECS_EXPORTED_METRICS, SAMPLE_APP_METRICS, SCRAPE_METRICS } from '../render/adot-config';

/** One element of an instant query's vector answer, as Prometheus's HTTP API returns it. */
export interface PromSample {
  metric: Record<string, string>;
  /** [evaluation time in seconds, value as a string] */
  value: [number, string];
}

export interface VerifyTarget {
  environment: string;
  /** The stack name, which the template gives the task family. */
  stackName: string;
  desiredCount: number;
  /** The app image: the default sample app's series are known by name. */
  appImage: string;
}

export const TASK_LABELS = ['aws_ecs_task_family', 'aws_ecs_task_id'] as const;
const TASK_ID = 'aws_ecs_task_id';
const TASK_FAMILY = 'aws_ecs_task_family';
export const SAMPLE_APP_IMAGE = 'public.ecr.aws/aws-otel-test/prometheus-sample-app';

/**
 * Every ECS series the receiver could export under any naming: the plain names, and the same names
 * with the unit and type suffixes add_metric_suffixes appends (`ecs_task_memory_usage_Bytes`).
 */
const ECS_SERIES = '{__name__=~"ecs_task_.+|container_network_rate_.+"}';

/** PromQL string literal: Prometheus accepts Go-style double-quoted strings. */
export function promString(text: string): string {
  return JSON.stringify(text);
}

/**
 * The instant queries one verification round asks. `timestamp()` returns each series' newest sample
 * time (the only way an instant query says how old a sample is); `count by` lists names and the
 * per-task labels without fetching every sample.
 */
export function metricsQueries(t: VerifyTarget, windowSeconds = 60) {
  const env = `environment=${promString(t.environment)}`;
  const window = `${Math.max(1, Math.ceil(windowSeconds))}s`;
  const family = `${TASK_FAMILY}=${promString(t.stackName)}`;
  return {
    /** The app pipeline's scrape health, one series per task (per target, without the task label). */
    appUp: `up{${env}}`,
    appUpTime: `timestamp(up{${env}})`,
    /**
     * Every scrape since the service was stable (the window): no success among two or more is the app's
     * answer, not its start-up, whatever the scrape interval.
     */
    appUpMax: `max_over_time(up{${env}}[${window}])`,
    appUpCount: `count_over_time(up{${env}}[${window}])`,
    /**
     * Every series the app pipeline delivered for this environment since the service was stable, with the
     * task label or without it. last_over_time keeps the metric name (the other range functions drop it).
     */
    appNames: `count by (__name__, ${TASK_ID}) (last_over_time({${env}}[${window}]))`,
    /** Every ECS series in the workspace that has samples since the service was stable: missing labels show as empty ones. */
    ecsNames: `count by (__name__, ${TASK_FAMILY}, ${TASK_ID}) (last_over_time(${ECS_SERIES}[${window}]))`,
    /**
     * The newest ECS sample per task, for its age. timestamp() drops the metric name, so over several names
     * Prometheus refuses the duplicate label sets ("vector cannot contain metrics with the same labelset"):
     * one metric, plain or suffixed, is asked instead.
     */
    ecsTime: `max by (${TASK_FAMILY}, ${TASK_ID}) (timestamp(ecs_task_memory_reserved) or timestamp({__name__=~"ecs_task_memory_reserved_.+"}))`,
    /** What the dashboards' utilisation panels divide (used / reserved), per task of this stack. */
    ecsUsage: `{__name__=~"ecs_task_(cpu|memory)_(utilized|reserved)", ${family}}`,
  };
}

export type QueryName = keyof ReturnType<typeof metricsQueries>;
export type Answers = Record<QueryName, PromSample[]>;

export type PipelineStatus = 'ok' | 'missing' | 'incomplete' | 'down';

export interface PipelineVerdict {
  status: PipelineStatus;
  /** Series found for this environment (fresh or not). */
  series: number;
  /** Tasks whose samples arrived after `since`. */
  tasks: number;
  /** Age of the newest sample, in seconds; undefined when no sample was found. */
  newestAgeSeconds?: number;
  /** Metric and label names that should be there and are not. */
  missing: string[];
  /** Each problem with its cause and fix, one sentence. */
  problems: string[];
  /** Nothing more will change by waiting (data arrived, or what arrived is wrong in a way time does not fix). */
  settled: boolean;
}

export interface MetricsVerdict {
  app: PipelineVerdict;
  ecs: PipelineVerdict;
  /** "1/1 tasks · CPU 3 % · memory 41 % of 1 GiB · app up" */
  live: string;
  ok: boolean;
  settled: boolean;
}

export interface JudgeOptions {
  /** ms since epoch: samples before it belong to an earlier deploy. */
  since: number;
  now: number;
}

/**
 * Failed scrapes in a row, with none succeeding since the service was stable, after which `up` 0 is
 * the app's answer: the service is stable once its containers run, not once the app listens.
 */
export const FAILED_SCRAPES_TO_SETTLE = 2;

const num = (s: PromSample) => Number(s.value[1]);
const labelsKey = (m: Record<string, string>) => JSON.stringify(Object.entries(m).filter(([k]) => k !== '__name__').sort(([a], [b]) => a.localeCompare(b)));

export function judgeMetrics(t: VerifyTarget, a: Answers, o: JudgeOptions): MetricsVerdict {
  const ecs = judgeEcs(t, a, o);
  const app = judgeApp(t, a, o, ecs);
  return {
    app: app.verdict,
    ecs: ecs.verdict,
    live: liveLine(t, a, ecs.freshTasks, app.up),
    ok: app.verdict.status === 'ok' && ecs.verdict.status === 'ok',
    settled: app.verdict.settled && ecs.verdict.settled,
  };
}

function judgeEcs(t: VerifyTarget, a: Answers, o: JudgeOptions) {
  const mine = (m: Record<string, string>) => m[TASK_FAMILY] === t.stackName;
  // No family label at all: resource_to_telemetry_conversion is off, and the series cannot say whose they are.
  const unlabelled = (m: Record<string, string>) => !m[TASK_FAMILY];
  const times = a.ecsTime.filter((s) => mine(s.metric) || unlabelled(s.metric));
  const newest = Math.max(...times.map((s) => num(s) * 1000), Number.NEGATIVE_INFINITY);
  // Series with samples since the service was stable only: an earlier deploy's stay queryable for five minutes.
  const names = a.ecsNames.filter((s) => mine(s.metric) || unlabelled(s.metric));
  const freshTasks = new Set(names.filter((s) => mine(s.metric) && s.metric[TASK_ID]).map((s) => s.metric[TASK_ID]));
  const freshUnlabelled = names.some((s) => unlabelled(s.metric));
  const found = new Set(names.map((s) => s.metric.__name__));

  const missing: string[] = [];
  const problems: string[] = [];
  const labelless = TASK_LABELS.filter((l) => names.some((s) => !s.metric[l]));
  for (const label of labelless) {
    missing.push(label);
    problems.push(`no ${label} label on the ECS series: resource_to_telemetry_conversion is off in the collector's prometheusremotewrite exporter (the labels exist only on target_info); turn it on.`);
  }
  if (found.size > 0) {
    for (const expected of ECS_EXPORTED_METRICS) {
      if (found.has(expected)) continue;
      missing.push(expected);
      const suffixed = [...found].filter((n) => suffixedFrom(n, ECS_EXPORTED_METRICS) === expected);
      problems.push(suffixed.length
        ? `found ${suffixed.join(', ')} but the dashboards query ${expected}: add_metric_suffixes is on; set it to false on an ADOT release that has it (v0.35–v0.49).`
        : `no ${expected}: the awsecscontainermetrics receiver or the filter/ecs-task-metrics processor does not deliver it.`);
    }
  }
  const arrived = freshTasks.size > 0 || freshUnlabelled;
  if (!arrived) {
    problems.push(newest > Number.NEGATIVE_INFINITY
      ? `no ECS series of ${t.stackName} newer than this deploy (the newest is ${ageText(o.now - newest)} old).`
      : `no ECS series of ${t.stackName} in the workspace.`);
  } else if (freshTasks.size < t.desiredCount && labelless.length === 0) {
    problems.push(`ECS series from ${freshTasks.size} of ${t.desiredCount} tasks so far.`);
  }
  const complete = arrived && (labelless.length > 0 || freshTasks.size >= t.desiredCount);
  const status: PipelineStatus = !arrived ? 'missing' : missing.length > 0 ? 'incomplete' : freshTasks.size < t.desiredCount ? 'incomplete' : 'ok';
  return {
    freshTasks,
    labelless: labelless.length > 0,
    verdict: {
      status, series: names.length, tasks: freshTasks.size, missing, problems,
      ...(newest > Number.NEGATIVE_INFINITY ? { newestAgeSeconds: Math.max(0, Math.round((o.now - newest) / 1000)) } : {}),
      settled: complete,
    } satisfies PipelineVerdict,
  };
}

function judgeApp(t: VerifyTarget, a: Answers, o: JudgeOptions, ecs: { labelless: boolean }) {
  const times = new Map(a.appUpTime.map((s) => [labelsKey(s.metric), num(s) * 1000]));
  const maxes = new Map(a.appUpMax.map((s) => [labelsKey(s.metric), num(s)]));
  const counts = new Map(a.appUpCount.map((s) => [labelsKey(s.metric), num(s)]));
  const ups = a.appUp.map((s) => {
    const key = labelsKey(s.metric);
    return { metric: s.metric, value: num(s), at: times.get(key), failedThroughout: maxes.get(key) === 0 && (counts.get(key) ?? 0) >= FAILED_SCRAPES_TO_SETTLE };
  });
  const newest = Math.max(...ups.map((u) => u.at ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
  const fresh = ups.filter((u) => u.at !== undefined && u.at >= o.since);
  const up = fresh.filter((u) => u.value === 1).length;
  const freshTasks = new Set(fresh.map((u) => u.metric[TASK_ID]).filter(Boolean));
  const scrape = new Set(SCRAPE_METRICS);
  // The app's own series, from this deploy's tasks (or unlabelled, which cannot be told apart).
  const own = a.appNames.filter((s) => !scrape.has(s.metric.__name__) && (!s.metric[TASK_ID] || freshTasks.has(s.metric[TASK_ID])));
  const names = new Set(own.map((s) => s.metric.__name__));

  const missing: string[] = [];
  const problems: string[] = [];
  if (fresh.length === 0) {
    problems.push(newest > Number.NEGATIVE_INFINITY
      ? `no scrape of the app newer than this deploy (the newest up sample is ${ageText(o.now - newest)} old).`
      : `no up series with environment="${t.environment}" in the workspace: the collector's app pipeline delivered nothing.`);
  }
  const unlabelled = fresh.some((u) => !u.metric[TASK_ID]) || own.some((s) => !s.metric[TASK_ID]);
  if (unlabelled) {
    missing.push(TASK_ID);
    problems.push(ecs.labelless
      ? `no ${TASK_ID} label on the app's series: resource_to_telemetry_conversion is off, so the detected task attributes stay resource attributes.`
      : `no ${TASK_ID} label on the app's series: the resourcedetection processor with the ecs detector is not in the app pipeline; two tasks' series collide.`);
  }
  const down = fresh.length - up;
  if (down > 0) {
    problems.push(`up is 0 on ${down} of ${fresh.length} scrape target(s): the collector cannot scrape the app; check app-port and app-metrics-path against what the app serves.`);
  }
  if (fresh.length > 0 && up > 0 && names.size === 0) {
    problems.push('the app answers the scrape but serves no series of its own.');
  }
  if (t.appImage.startsWith(`${SAMPLE_APP_IMAGE}:`) && up > 0) {
    for (const expected of SAMPLE_APP_METRICS) {
      if (names.has(expected)) continue;
      missing.push(expected);
      const suffixed = [...names].filter((n) => suffixedFrom(n, SAMPLE_APP_METRICS) === expected);
      problems.push(suffixed.length
        ? `found ${suffixed.join(', ')} but the dashboards query ${expected}: add_metric_suffixes is on.`
        : `the sample app's ${expected} did not arrive.`);
    }
  }
  const counted = unlabelled ? fresh.length : freshTasks.size;
  const allTargets = counted >= t.desiredCount;
  const downSettled = fresh.filter((u) => u.value !== 1).every((u) => u.failedThroughout);
  const settled = fresh.length > 0 && (allTargets || unlabelled) && downSettled;
  const status: PipelineStatus = fresh.length === 0 ? 'missing' : up === 0 ? 'down' : down > 0 || missing.length > 0 || names.size === 0 || !allTargets ? 'incomplete' : 'ok';
  return {
    up: { up, of: fresh.length },
    verdict: {
      status, series: own.length + fresh.length, tasks: unlabelled ? 0 : freshTasks.size, missing, problems,
      ...(newest > Number.NEGATIVE_INFINITY ? { newestAgeSeconds: Math.max(0, Math.round((o.now - newest) / 1000)) } : {}),
      settled,
    } satisfies PipelineVerdict,
  };
}

/** The line a reviewer reads instead of opening Grafana; utilisation as the dashboards compute it (utilized / reserved). */
export function liveLine(t: VerifyTarget, a: Answers, tasks: Set<string>, up: { up: number; of: number }): string {
  const parts = [`${tasks.size}/${t.desiredCount} tasks`];
  const perTask = (name: string) => {
    const values = new Map<string, number>();
    for (const s of a.ecsUsage) {
      const id = s.metric[TASK_ID];
      if (s.metric.__name__ !== name || !tasks.has(id) || !Number.isFinite(num(s))) continue;
      values.set(id, Math.max(values.get(id) ?? Number.NEGATIVE_INFINITY, num(s)));
    }
    return values;
  };
  const ratio = (used: string, reserved: string) => {
    const u = perTask(used);
    const r = perTask(reserved);
    const shares = [...u].filter(([id]) => (r.get(id) ?? 0) > 0).map(([id, v]) => v / r.get(id)!);
    return shares.length ? (100 * shares.reduce((x, y) => x + y, 0)) / shares.length : undefined;
  };
  const mean = tasks.size > 1 ? ' (mean)' : '';
  const cpu = ratio('ecs_task_cpu_utilized', 'ecs_task_cpu_reserved');
  if (cpu !== undefined) parts.push(`CPU ${percent(cpu)}${mean}`);
  const memory = ratio('ecs_task_memory_utilized', 'ecs_task_memory_reserved');
  const reserved = [...perTask('ecs_task_memory_reserved').values()];
  if (memory !== undefined) parts.push(`memory ${percent(memory)}${mean}${reserved.length ? ` of ${mebibytes(Math.max(...reserved))}` : ''}`);
  parts.push(up.of === 0 ? 'app not scraped' : up.up === up.of ? 'app up' : up.up === 0 ? 'app down' : `app up on ${up.up}/${up.of}`);
  return parts.join(' · ');
}

/**
 * The plain name a suffixed one was made from: the longest expected name it extends by `_…`
 * (`ecs_task_memory_usage_max_Bytes` comes from `ecs_task_memory_usage_max`, not `ecs_task_memory_usage`).
 */
export function suffixedFrom(name: string, expected: readonly string[]): string | undefined {
  return expected.filter((e) => name.startsWith(`${e}_`) && !expected.includes(name)).sort((x, y) => y.length - x.length)[0];
}

function percent(value: number): string {
  if (value > 0 && value < 1) return '<1 %';
  return `${Math.round(value)} %`;
}

/** The reserved memory in the unit Fargate sizes are given in: whole GiB from 1024 MiB on. */
function mebibytes(mib: number): string {
  return mib >= 1024 && mib % 1024 === 0 ? `${mib / 1024} GiB` : `${Math.round(mib)} MiB`;
}

function ageText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/** The `metrics` output: per pipeline what arrived, how fresh, and what is missing. */
export function metricsOutput(v: MetricsVerdict): string {
  const pipeline = (p: PipelineVerdict) => ({
    status: p.status, series: p.series, tasks: p.tasks, newestAgeSeconds: p.newestAgeSeconds ?? null, missing: p.missing, problems: p.problems,
  });
  return JSON.stringify({ ok: v.ok, live: v.live, app: pipeline(v.app), ecs: pipeline(v.ecs) });
}
