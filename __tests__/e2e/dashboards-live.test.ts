// The dashboards over the data that really arrived: provision → deploy (two tasks, so per-task grouping is exercised)
// → dashboard through dist/index.js, then every panel target of every dashboard the dashboard mode stored in the
// sandbox's Grafana is evaluated, with Grafana's macros substituted (__tests__/prometheus/grafana-panels.ts), by the
// real Prometheus behind the environment's AMP workspace. And metrics-check's wait, read from the sandbox's records.
import { parse, stringify } from 'yaml';
import { PreviewFixture, quickCollector, startFixture } from '../../sandbox/src/harness/fixture';
import { collectorTiming, verifyTiming } from '../../sandbox/src/harness/verify-timing';
import { taskModel } from '../../sandbox/src/runtime/collector/processors';
import { taskMetrics } from '../../sandbox/src/runtime/collector/ecs-metrics';
import type { TaskStandIn } from '../../sandbox/src/runtime/task-runtime';
import { assetDir } from '../../src/assets';
import { loadDashboards } from '../../src/grafana/dashboard-files';
import { POLL_MS } from '../../src/verify/run';
import { dashboardTargets, legend, Target } from '../prometheus/grafana-panels';
import { ok } from './support';

const CPU = 512;
const MEMORY_MIB = 2048;
const TASKS = 2;
const MiB = 1024 * 1024;
const GAP_SLACK_MS = 1000;

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { grafanaCreate: 300, cfnResource: { default: 10, ChangeSet: 20, 'AWS::IAM::Role': 40, 'ECS::Stabilize': 100 } } });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  fx.sandbox.runtime.setConfigTransform(quickCollector);
});

interface Sample { metric: Record<string, string>; value: [number, string] }
interface Evaluated { dashboard: string; target: Target; samples: Sample[] }

const metricsOf = (outputs: Record<string, string>) => JSON.parse(outputs.metrics) as {
  ok: boolean; live: string;
  app: { status: string; tasks: number; missing: string[]; problems: string[] };
  ecs: { status: string; tasks: number; missing: string[]; problems: string[] };
};

/** A panel that shows one series per task: Grafana names its series by the task id. */
const perTask = (t: Target) => /\{\{\s*aws_ecs_task_id\s*\}\}/.test(t.legendFormat ?? '');
const where = (e: Evaluated) => `${e.dashboard} / panel ${e.target.panelId} '${e.target.panelTitle}' ${e.target.refId}: ${e.target.expr}`;
const values = (e: Evaluated) => e.samples.map((s) => Number(s.value[1]));

/** The environment up: provision, deploy with two tasks of CPU/MEMORY_MIB, dashboard; and the deploy's log mark. */
async function previewed(): Promise<{ pr: number; workspaceId: string; deploy: Record<string, string>; logFrom: number; standIns: TaskStandIn[]; configs: string[] }> {
  const pr = fx.pullRequest();
  ok(await fx.run({ mode: 'provision' }, { pr }));
  const logFrom = fx.sandbox.log.at(-1)?.seq ?? 0;
  const deploy = ok(await fx.run({ mode: 'deploy', 'desired-count': String(TASKS), cpu: String(CPU), memory: String(MEMORY_MIB) }, { pr })).outputs;
  // The stand-ins (and the configuration each collector really runs) while the tasks run.
  const standIns = fx.sandbox.runtime.tasks().filter((t) => t.serviceName === deploy['service-name']);
  const configs = standIns.map((t) => t.collectorConfig!);
  ok(await fx.run({ mode: 'dashboard' }, { pr }));
  const workspaceId = fx.state().ampWorkspaces.find((w) => w.alias === `acme/shop/pr-${pr}`)!.id;
  return { pr, workspaceId, deploy, logFrom, standIns, configs };
}

/** The dashboards the dashboard mode stored for this environment, as Grafana holds them. */
function storedDashboards(pr: number): { title: string; json: Record<string, unknown> }[] {
  const ws = [...fx.sandbox.grafana.workspaces.values()].find((w) => w.name === 'acme-shop-previews')!;
  const folder = [...ws.grafana.folders.values()].find((f) => f.title === `Preview pr-${pr} (acme/shop)`)!;
  expect(folder).toBeDefined();
  return [...ws.grafana.dashboards.values()].filter((d) => d.folderUid === folder.uid).map((d) => ({ title: String(d.json.title), json: d.json }));
}

async function query(workspaceId: string, expr: string): Promise<Sample[]> {
  const base = await fx.sandbox.prometheus.urlFor(workspaceId);
  const res = await fetch(`${base}/api/v1/query?${new URLSearchParams({ query: expr })}`);
  const body = await res.json() as { status: string; error?: string; data: { result: Sample[] } };
  if (body.status !== 'success') throw new Error(`Prometheus refused ${expr}: ${body.error}`);
  return body.data.result;
}

async function evaluate(workspaceId: string, dashboards: { title: string; json: Record<string, unknown> }[]): Promise<Evaluated[]> {
  const targets = dashboards.flatMap((d) => dashboardTargets(d.json as unknown as Parameters<typeof dashboardTargets>[0]).map((target) => ({ dashboard: d.title, target })));
  return Promise.all(targets.map(async (t) => ({ ...t, samples: await query(workspaceId, t.target.expr) })));
}

/**
 * Evaluates until `done` holds for the answers, or `timeoutMs` passes (then returns the last answers, for the
 * assertions to name what is missing). The sample app's histogram and summary have no observation until its first
 * update, 30 s after it starts (sandbox/src/runtime/sample-app.ts), so their panels are NaN until then.
 */
async function evaluateUntil(workspaceId: string, dashboards: { title: string; json: Record<string, unknown> }[], done: (e: Evaluated[]) => boolean, timeoutMs: number): Promise<Evaluated[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answers = await evaluate(workspaceId, dashboards);
    if (done(answers) || Date.now() > until) return answers;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const hasData = (e: Evaluated) => e.samples.length > 0 && values(e).every(Number.isFinite);
const byTitle = (answers: Evaluated[], title: string) => {
  const found = answers.filter((e) => e.target.panelTitle === title);
  expect({ title, found: found.length }).toEqual({ title, found: 1 });
  return found[0];
};

describe('the shipped dashboards over what the collectors really wrote', () => {
  it('every panel of every dashboard returns data consistent with two tasks of the deployed size, one series per task', async () => {
    const env = await previewed();
    const m = metricsOf(env.deploy);
    expect(m).toMatchObject({ ok: true, app: { status: 'ok', tasks: TASKS }, ecs: { status: 'ok', tasks: TASKS } });
    expect(env.standIns).toHaveLength(TASKS);

    // Every dashboard the mode imports by default is there, and only those (no dashboards-path).
    const stored = storedDashboards(env.pr);
    const bundled = loadDashboards(assetDir('dashboards'), process.cwd());
    expect(stored.map((d) => d.title).sort()).toEqual(bundled.map((b) => `${String(b.dashboard.title)} (pr-${env.pr})`).sort());

    const answers = await evaluateUntil(env.workspaceId, stored, (a) => a.every(hasData), 90_000);
    expect(answers.length).toBeGreaterThanOrEqual(18);
    expect(answers.filter((e) => !hasData(e)).map((e) => `${where(e)} → ${JSON.stringify(e.samples)}`)).toEqual([]);

    // Utilisation in percent lies in [0, 100].
    const percents = answers.filter((e) => e.target.unit === 'percent' || e.target.unit === 'percentunit');
    expect(percents.length).toBeGreaterThan(0);
    for (const e of percents) {
      const scale = e.target.unit === 'percentunit' ? 100 : 1;
      expect({ panel: where(e), outside: values(e).filter((v) => !(v * scale >= 0 && v * scale <= 100)) }).toEqual({ panel: where(e), outside: [] });
    }

    // One series per running task on every per-task panel, each named (legend) by its own task.
    const taskIds = env.standIns.map((t) => t.taskId).sort();
    const perTaskPanels = answers.filter((e) => perTask(e.target));
    expect(perTaskPanels.length).toBeGreaterThanOrEqual(10);
    for (const e of perTaskPanels) {
      const ids = e.samples.map((s) => s.metric.aws_ecs_task_id).sort();
      expect({ panel: where(e), ids }).toEqual({ panel: where(e), ids: taskIds });
      const legends = new Set(e.samples.map((s) => legend(e.target, s.metric)));
      expect({ panel: where(e), legends: legends.size }).toEqual({ panel: where(e), legends: TASKS });
    }

    // Reserved = the deploy's cpu and memory inputs, per task; usage as the sandbox's tasks ran it.
    const one = (title: string) => values(byTitle(answers, title));
    expect(one('Running tasks')).toEqual([TASKS]);
    expect(one('Total memory reserved')).toEqual([TASKS * MEMORY_MIB]);
    expect(one('Total vCPU reserved')).toEqual([(TASKS * CPU) / 1024]);
    expect(one('App targets up')).toEqual([TASKS]);
    const perTaskValue = (title: string) => Object.fromEntries(byTitle(answers, title).samples.map((s) => [s.metric.aws_ecs_task_id, Number(s.value[1])]));
    const expected = Object.fromEntries(env.standIns.map((t) => [t.taskId, taskMetrics(taskModel(t), 0)]));
    const each = (f: (x: (typeof expected)[string]) => number) => Object.fromEntries(Object.entries(expected).map(([id, x]) => [id, f(x)]));
    for (const t of env.standIns) expect({ cpu: t.cpuUnits, memory: t.memoryMiB }).toEqual({ cpu: CPU, memory: MEMORY_MIB });
    expect(perTaskValue('CPU utilization per task')).toEqual(each((x) => expect.closeTo((100 * x['cpu.utilized']) / CPU, 9)));
    expect(perTaskValue('Memory utilization per task')).toEqual(each((x) => expect.closeTo((100 * x['memory.utilized']) / MEMORY_MIB, 9)));
    expect(perTaskValue('vCPU usage per task')).toEqual(each((x) => expect.closeTo(x['cpu.usage.vcpu'], 9)));
    expect(perTaskValue('Memory usage per task')).toEqual(each((x) => x['memory.usage']));
    for (const v of Object.values(perTaskValue('Memory usage per task'))) expect(v).toBeLessThanOrEqual(MEMORY_MIB * MiB);
    // The task's one interface, once per task (not once per container), summed over the family's tasks.
    const sum = (f: (t: ReturnType<typeof taskModel>) => number) => env.standIns.map((t) => f(taskModel(t))).reduce((a, b) => a + b, 0);
    expect(one('Network received by task family')).toEqual([sum((t) => t.networkRxBytesPerSecond)]);
    expect(one('Network sent by task family')).toEqual([sum((t) => t.networkTxBytesPerSecond)]);
    expect(byTitle(answers, 'Network received by task family').samples[0].metric.aws_ecs_task_family).toBe(env.deploy['stack-name']);

    // metrics-check's wait (issue 13): rounds at most POLL_MS apart, and the settling round within one scrape
    // interval plus the batch timeout (plus one poll) of the service becoming stable, on the timing the tasks ran.
    const timing = verifyTiming(fx.sandbox, { serviceName: env.deploy['service-name'], logFrom: env.logFrom, collectorConfigs: env.configs });
    const bound = timing.scrapeMs + timing.batchMs + POLL_MS;
    expect(timing).toMatchObject({ scrapeMs: 1000, batchMs: 200 });
    // The gap runs from a round's last request to the next round's first, so it holds the round's answers and
    // judgement besides the POLL_MS sleep: slack for those on a loaded machine.
    expect(timing.maxGapMs).toBeLessThanOrEqual(POLL_MS + GAP_SLACK_MS);
    expect(timing.arrivedAfterMs).toBeGreaterThanOrEqual(0);
    expect(timing.arrivedAfterMs).toBeLessThanOrEqual(bound + 1000);
    expect(timing.firstWriteAfterMs).toBeLessThanOrEqual(timing.scrapeMs + timing.batchMs + 1000);
  }, 240_000);

  it('with resource_to_telemetry_conversion off, the per-task panels lose their tasks and metrics-check names the labels', async () => {
    fx.sandbox.runtime.setConfigTransform((raw) => {
      const config = parse(quickCollector(raw)) as { exporters: Record<string, Record<string, unknown>> };
      config.exporters.prometheusremotewrite.resource_to_telemetry_conversion = { enabled: false };
      return stringify(config);
    });
    const env = await previewed();
    const m = metricsOf(env.deploy);
    expect(m.ok).toBe(false);
    expect(m.ecs.missing).toEqual(['aws_ecs_task_family', 'aws_ecs_task_id']);
    expect(m.app.missing).toContain('aws_ecs_task_id');
    expect(m.ecs.problems.join('\n')).toContain('resource_to_telemetry_conversion is off');

    const stored = storedDashboards(env.pr);
    const perTaskOnly = (a: Evaluated[]) => a.filter((e) => perTask(e.target));
    // Wait until the series that did arrive are queryable, so "no task label" is not "nothing yet".
    const answers = perTaskOnly(await evaluateUntil(env.workspaceId, stored, (a) => perTaskOnly(a).filter((e) => !/histogram|summary/.test(e.target.panelTitle)).every((e) => e.samples.length > 0), 30_000));
    expect(answers.length).toBeGreaterThanOrEqual(10);
    for (const e of answers) {
      // Two tasks ran; no panel can tell them apart: no series names a task, the legend is blank.
      expect({ panel: where(e), tasks: e.samples.filter((s) => s.metric.aws_ecs_task_id).length }).toEqual({ panel: where(e), tasks: 0 });
      expect({ panel: where(e), legends: e.samples.map((s) => legend(e.target, s.metric).trim()).filter(Boolean) }).toEqual({ panel: where(e), legends: [] });
      // The two tasks' series carry identical labels: Prometheus holds one, interleaved.
      expect({ panel: where(e), series: e.samples.length }).toEqual({ panel: where(e), series: 1 });
    }
    expect(env.standIns).toHaveLength(TASKS);
    // And the stat that counts tasks says one.
    expect(values(byTitle(await evaluate(env.workspaceId, stored), 'Running tasks'))).toEqual([1]);
  }, 240_000);

  it('on the deployed collector timing, metrics-check settles within one scrape interval plus the batch timeout of the service being stable', async () => {
    fx.sandbox.runtime.setConfigTransform(undefined);
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    const logFrom = fx.sandbox.log.at(-1)?.seq ?? 0;
    const run = ok(await fx.run({ mode: 'deploy', 'desired-count': String(TASKS) }, { pr }));
    const configs = fx.sandbox.runtime.tasks().filter((t) => t.serviceName === run.outputs['service-name']).map((t) => t.collectorConfig!);
    expect(configs).toHaveLength(TASKS);
    expect(metricsOf(run.outputs)).toMatchObject({ ok: true, ecs: { tasks: TASKS }, app: { tasks: TASKS } });
    const timing = verifyTiming(fx.sandbox, { serviceName: run.outputs['service-name'], logFrom, collectorConfigs: configs });
    // What the action renders: 15 s scrapes and ECS collection, 10 s batches.
    expect(collectorTiming(configs[0])).toEqual({ scrapeMs: 15_000, batchMs: 10_000 });
    expect(timing.rounds.length).toBeGreaterThan(3);
    expect(timing.maxGapMs).toBeLessThanOrEqual(POLL_MS + GAP_SLACK_MS);
    expect(timing.firstWriteAfterMs).toBeLessThanOrEqual(timing.scrapeMs + timing.batchMs);
    expect(timing.arrivedAfterMs).toBeLessThanOrEqual(timing.scrapeMs + timing.batchMs + POLL_MS + 1000);
  }, 240_000);
});
