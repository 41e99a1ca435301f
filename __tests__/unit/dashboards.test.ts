import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDashboard } from '../../src/grafana/dashboard-check';
import { analysePromql } from '../../src/grafana/promql';
import { ECS_EXPORTED_METRICS, ECS_RESOURCE_LABELS, SAMPLE_APP_METRICS, SCRAPE_LABELS, SCRAPE_METRICS } from '../../src/render/adot-config';

const DIR = join(__dirname, '../../dashboards');
const vocabulary = { metrics: [...ECS_EXPORTED_METRICS, ...SCRAPE_METRICS, ...SAMPLE_APP_METRICS], labels: [...ECS_RESOURCE_LABELS, ...SCRAPE_LABELS] };

describe('dashboards/', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it('has the ECS task monitoring dashboard', () => {
    expect(files).toContain('ecs-task-monitoring.json');
  });

  it.each(files)('%s queries only metrics and labels the ADOT configuration in templates/ produces', (file) => {
    const dashboard = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    expect(checkDashboard(file, dashboard, vocabulary)).toEqual([]);
    const exprs = dashboard.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => t.expr));
    expect(exprs.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)('%s takes its data source from one __inputs entry', (file) => {
    const dashboard = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    const inputs = dashboard.__inputs.filter((i: any) => i.type === 'datasource');
    expect(inputs).toHaveLength(1);
    // Rows hold no queries and have no data source.
    for (const panel of dashboard.panels.filter((p: any) => p.type !== 'row')) expect(panel.datasource.uid).toBe(`\${${inputs[0].name}}`);
  });
});

describe('checkDashboard', () => {
  it('catches the workshop bug: names with unit suffixes, and task labels that only exist on target_info', () => {
    const broken = {
      title: 'old',
      panels: [{ id: 1, title: 'Memory', targets: [{ refId: 'A', expr: 'sum by (aws_ecs_task_family) (ecs_task_memory_usage_Bytes)' }] },
        { id: 2, title: 'Tasks', targets: [{ refId: 'A', expr: 'count by (TaskId) (ecs_task_cpu_reserved)' }] }],
    };
    expect(checkDashboard('old.json', broken, vocabulary)).toEqual([
      "old.json: panel 1 'Memory': metric 'ecs_task_memory_usage_Bytes' is not produced by the collector configuration",
      "old.json: panel 2 'Tasks': label 'TaskId' is not produced by the collector configuration",
    ]);
  });

  it('names the file and panel of a query that does not parse, and a missing title', () => {
    expect(checkDashboard('x.json', { panels: [{ id: 3, title: 'Bad', targets: [{ refId: 'B', expr: 'sum by (a (x' }] }] })).toEqual([
      'x.json: the dashboard has no title',
      expect.stringMatching(/^x\.json: panel 3 'Bad', query B: PromQL does not parse at character \d+: sum by \(a \(x$/),
    ]);
  });

  it('reads Grafana macros as PromQL durations and variables as names', () => {
    expect(analysePromql('rate(ecs_task_cpu_usage_total{aws_ecs_task_family=~"$family"}[$__rate_interval])')).toEqual({
      metrics: ['ecs_task_cpu_usage_total'], labels: ['aws_ecs_task_family'], errorAt: undefined,
    });
  });
});
