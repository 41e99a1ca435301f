// Every panel's number, proven by a real Prometheus: the series are shaped from the collector configuration the
// action renders (collector-series.ts: names, labels incl. resource attributes, units) for tasks of a known size and
// usage; every target's expression comes from the dashboard JSON with Grafana's macros substituted; promtool
// evaluates them; the panels' units render the numbers as Grafana shows them. A panel added later without an
// expectation here fails the coverage test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultStackName } from '../../src/aws/stack-names';
import { AdotConfig } from '../../src/render/adot-config';
import {
  collectorSeries, renderedConfig, sampleAppSeries, SeriesCollision, STEP_SECONDS, TaskModel,
} from '../prometheus/collector-series';
import { dashboardTargets, legend, render, Target } from '../prometheus/grafana-panels';
import { ExprCase, promtool, PromtoolGroup, runPromtool } from '../prometheus/promtool';

const dashboard = JSON.parse(readFileSync(join(__dirname, '../../dashboards/ecs-task-monitoring.json'), 'utf8'));
const targets = dashboardTargets(dashboard);
const config = renderedConfig({
  region: 'eu-west-1', remoteWriteUrl: 'https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write',
  appPort: 8080, metricsPath: '/metrics', environment: 'pr-7',
});
const family = defaultStackName('acme/shop', 'pr-7');
const MiB = 1024 * 1024;
const STEPS = 40;

/** A task of the action's default size (cpu 256 = 0.25 vCPU, memory 1024 MiB) with the app and the collector. */
function task(id: string, o: {
  appVcpu: number; collectorVcpu: number; app: [usedMiB: number, cacheMiB: number]; collector: [usedMiB: number, cacheMiB: number];
  rx: number; tx: number; scrape: number; sample: Parameters<typeof sampleAppSeries>[0];
}): TaskModel {
  return {
    id, family, revision: '3', cluster: family, serviceName: family, region: 'eu-west-1', account: '123456789012',
    availabilityZone: 'eu-west-1a', cpuUnits: 256, memoryMiB: 1024,
    containers: [
      { name: 'app', image: 'public.ecr.aws/aws-otel-test/prometheus-sample-app:latest', dockerId: `${id}-0`, vcpu: o.appVcpu,
        memoryUsageBytes: o.app[0] * MiB, memoryCacheBytes: o.app[1] * MiB },
      { name: 'aws-otel-collector', image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0', dockerId: `${id}-1`,
        vcpu: o.collectorVcpu, memoryUsageBytes: o.collector[0] * MiB, memoryCacheBytes: o.collector[1] * MiB },
    ],
    networkRxBytesPerSecond: o.rx, networkTxBytesPerSecond: o.tx,
    appSamples: sampleAppSeries(o.sample), scrapeDurationSeconds: o.scrape,
  };
}

// Task A uses its whole 0.25 vCPU (3/16 + 1/16: binary fractions, so every number below is exact) and half its
// memory without cache; task B half of both. Their interfaces receive 2000 and 1500 B/s.
const A = task('0a1b2c3d4e5f40718293a4b5c6d7e8f9', {
  appVcpu: 0.1875, collectorVcpu: 0.0625, app: [480, 32], collector: [72, 8], rx: 2000, tx: 1000, scrape: 0.25,
  sample: { counterPerSecond: 2, gauge: 7.5, bucketRates: [0, 8, 10, 10], summary: [0.15, 0.55, 0.98] },
});
const B = task('f9e8d7c6b5a4463728190f1e2d3c4b5a', {
  appVcpu: 0.09375, collectorVcpu: 0.03125, app: [224, 16], collector: [56, 8], rx: 1500, tx: 500, scrape: 0.125,
  sample: { counterPerSecond: 1, gauge: 2.5, bucketRates: [0, 4, 5, 5], summary: [0.1, 0.35, 0.9] },
});

interface Expected { labels: Record<string, string>; value: number; shown: string }
type Expectations = Record<string, Expected[]>;

const perTask = (t: TaskModel, value: number, shown: string): Expected => ({ labels: { aws_ecs_task_family: t.family, aws_ecs_task_id: t.id }, value, shown });
const appTask = (t: TaskModel, value: number, shown: string): Expected => ({ labels: { aws_ecs_task_id: t.id }, value, shown });
const whole = (value: number, shown: string): Expected => ({ labels: {}, value, shown });
const byFamily = (value: number, shown: string): Expected => ({ labels: { aws_ecs_task_family: family }, value, shown });

/** What every panel shows, per scenario: the value promtool must compute and the text Grafana renders for it. */
const SCENARIOS: { name: string; tasks: TaskModel[]; expected: Expectations }[] = [
  {
    name: 'one task using 0.25 of 0.25 vCPU and 512 of 1024 MiB',
    tasks: [A],
    expected: {
      'Running tasks': [whole(1, '1')],
      'Total memory reserved': [whole(1024, '1 GiB')],
      'Total vCPU reserved': [whole(0.25, '0.250')],
      'CPU utilization per task': [perTask(A, 100, '100%')],
      'Memory utilization per task': [perTask(A, 50, '50%')],
      'vCPU usage per task': [perTask(A, 0.25, '0.250')],
      'Memory usage per task': [perTask(A, 552 * MiB, '552 MiB')],
      'Network received by task family': [byFamily(2000, '2 kB/s')],
      'Network sent by task family': [byFamily(1000, '1 kB/s')],
      'App targets up': [whole(1, '1')],
      'App scrape duration (slowest task)': [whole(0.25, '250 ms')],
      'App samples per scrape': [whole(13, '13')],
      'Scrape health per task': [appTask(A, 1, '1')],
      'Scrape duration per task': [appTask(A, 0.25, '250 ms')],
      'Sample app: counter rate per task': [appTask(A, 2, '2 c/s')],
      'Sample app: gauge per task': [appTask(A, 7.5, '7.50')],
      'Sample app: histogram p90 per task': [appTask(A, 0.55, '0.550')],
      'Sample app: summary median per task': [appTask(A, 0.55, '0.550')],
    },
  },
  {
    name: 'two tasks (desired-count 2, or a rolling deploy at MaximumPercent 200)',
    tasks: [A, B],
    expected: {
      'Running tasks': [whole(2, '2')],
      'Total memory reserved': [whole(2048, '2 GiB')],
      'Total vCPU reserved': [whole(0.5, '0.500')],
      'CPU utilization per task': [perTask(A, 100, '100%'), perTask(B, 50, '50%')],
      'Memory utilization per task': [perTask(A, 50, '50%'), perTask(B, 25, '25%')],
      'vCPU usage per task': [perTask(A, 0.25, '0.250'), perTask(B, 0.125, '0.125')],
      'Memory usage per task': [perTask(A, 552 * MiB, '552 MiB'), perTask(B, 280 * MiB, '280 MiB')],
      'Network received by task family': [byFamily(3500, '3.50 kB/s')],
      'Network sent by task family': [byFamily(1500, '1.50 kB/s')],
      'App targets up': [whole(2, '2')],
      'App scrape duration (slowest task)': [whole(0.25, '250 ms')],
      'App samples per scrape': [whole(13, '13')],
      'Scrape health per task': [appTask(A, 1, '1'), appTask(B, 1, '1')],
      'Scrape duration per task': [appTask(A, 0.25, '250 ms'), appTask(B, 0.125, '125 ms')],
      'Sample app: counter rate per task': [appTask(A, 2, '2 c/s'), appTask(B, 1, '1 c/s')],
      'Sample app: gauge per task': [appTask(A, 7.5, '7.50'), appTask(B, 2.5, '2.50')],
      'Sample app: histogram p90 per task': [appTask(A, 0.55, '0.550'), appTask(B, 0.55, '0.550')],
      'Sample app: summary median per task': [appTask(A, 0.55, '0.550'), appTask(B, 0.35, '0.350')],
    },
  },
];

/**
 * Controls: the queries the dashboard used before, on the same series, so the test shows what they got wrong.
 * A quarter vCPU read as "256%"; adding up a task's containers counts its one interface once per container.
 */
const CONTROLS: ExprCase[] = [
  { name: 'control: raw ecs_task_cpu_utilized as percent', expr: 'avg by (aws_ecs_task_family) (ecs_task_cpu_utilized)',
    samples: [{ labels: { aws_ecs_task_family: family }, value: 256 }] },
  { name: 'control: summing the containers\' network rate', expr: 'sum by (aws_ecs_task_family) (container_network_rate_rx)',
    samples: [{ labels: { aws_ecs_task_family: family }, value: 4000 }] },
];

function cases(expected: Expectations): ExprCase[] {
  return targets.map((t) => ({
    name: `panel ${t.panelId} '${t.panelTitle}' ${t.refId}`, expr: t.expr,
    samples: (expected[t.panelTitle] ?? []).map(({ labels, value }) => ({ labels, value })),
  }));
}

describe('dashboard numbers, evaluated by Prometheus on the series the collector writes', () => {
  let path: string;
  beforeAll(() => {
    path = promtool();
  }, 600_000);

  it('has an expectation for every panel target in every scenario, and none for a panel that is gone', () => {
    expect(targets.length).toBeGreaterThanOrEqual(18);
    for (const s of SCENARIOS) {
      expect({ scenario: s.name, missing: targets.filter((t) => !s.expected[t.panelTitle]).map((t) => t.panelTitle) }).toEqual({ scenario: s.name, missing: [] });
      expect({ scenario: s.name, stale: Object.keys(s.expected).filter((k) => !targets.some((t) => t.panelTitle === k)) }).toEqual({ scenario: s.name, stale: [] });
    }
  });

  it('substitutes Grafana\'s macros as Grafana does for the dashboard\'s range and the collector\'s 15 s scrape interval', () => {
    const rate = targets.find((t) => t.panelTitle === 'Sample app: counter rate per task')!;
    expect(rate.expr).toBe('sum by (aws_ecs_task_id) (rate(test_counter0_total{job="app"}[1m]))');
    expect(targets.every((t) => !t.expr.includes('$'))).toBe(true);
  });

  it('every panel computes the expected number (promtool test rules, exact comparison)', () => {
    const groups: PromtoolGroup[] = SCENARIOS.map((s, i) => ({
      name: s.name, steps: STEPS, series: collectorSeries(config, s.tasks, STEPS),
      cases: [...cases(s.expected), ...(i === 0 ? CONTROLS : [])],
    }));
    const run = runPromtool(path, groups);
    expect({ status: run.status, output: run.output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('renders every panel with its unit: %s', (_, s) => {
    for (const t of targets) {
      for (const e of s.expected[t.panelTitle]) expect({ panel: t.panelTitle, shown: render(t.unit, e.value) }).toEqual({ panel: t.panelTitle, shown: e.shown });
    }
  });

  it('reads a task using 0.25 of 0.25 vCPU as 100 %, a 1 GiB task as 1 GiB reserved, and the network once', () => {
    const one = SCENARIOS[0].expected;
    const shown = (title: string) => render(unitOf(title), one[title][0].value);
    expect(shown('CPU utilization per task')).toBe('100%');
    expect(shown('Total memory reserved')).toBe('1 GiB');
    expect(unitOf('Total memory reserved')).toBe('mbytes');
    // The interface receives 2000 B/s; each of the two containers reports it, and the task-level sum says 4000.
    expect(shown('Network received by task family')).toBe('2 kB/s');
    expect(A.networkRxBytesPerSecond).toBe(2000);
    expect(A.containers).toHaveLength(2);
  });

  it('gives two tasks two app series, each named by its task', () => {
    const two = SCENARIOS[1].expected;
    for (const t of targets.filter((x) => /^(Scrape|Sample app)/.test(x.panelTitle))) {
      const legends = two[t.panelTitle].map((e) => legend(t, e.labels));
      expect({ panel: t.panelTitle, legends }).toEqual({ panel: t.panelTitle, legends: [A.id, B.id] });
    }
  });

  it('without the ECS resource detection, two tasks\' app series would collide (identical labels)', () => {
    const withoutDetection = structuredClone(config) as AdotConfig;
    const app = withoutDetection.service.pipelines['metrics/app'];
    app.processors = app.processors.filter((p) => !p.startsWith('resourcedetection'));
    expect(() => collectorSeries(withoutDetection, [A, B], STEPS)).toThrow(SeriesCollision);
    expect(() => collectorSeries(withoutDetection, [A], STEPS)).not.toThrow();
    expect(collectorSeries(config, [A, B], STEPS).length).toBeGreaterThan(0);
  });

  it('models the receiver: task CPU in CPU units (vCPU × 1024), memory in MiB, network summed over containers', () => {
    const series = collectorSeries(config, [A], STEPS);
    const last = (name: string) => series.filter((s) => s.labels.__name__ === name).map((s) => s.values[STEPS]);
    expect(last('ecs_task_cpu_reserved')).toEqual([256]);
    expect(last('ecs_task_cpu_utilized')).toEqual([256]);
    expect(last('ecs_task_memory_reserved')).toEqual([1024]);
    expect(last('ecs_task_memory_utilized')).toEqual([512]);
    expect(last('container_network_rate_rx')).toEqual([2000, 2000]);
    // The doubled task-level rate is not exported.
    expect(last('ecs_task_network_rate_rx')).toEqual([]);
    expect(STEP_SECONDS).toBe(15);
  });
});

function unitOf(title: string): string {
  return targets.find((t: Target) => t.panelTitle === title)!.unit;
}
