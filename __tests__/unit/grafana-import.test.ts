import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetDir } from '../../src/assets';
import { loadDashboards } from '../../src/grafana/dashboard-files';
import { AMP_PLUGIN, datasourceBody, datasourceUrl, pluginFor } from '../../src/grafana/datasource';
import { buildImportRequest } from '../../src/grafana/import-plan';
import { dashboardUid, datasourceUid, environmentFromTags, folderUid, repositoryTag } from '../../src/grafana/naming';
import { ActionError } from '../../src/util/errors';

const BUNDLED = assetDir('dashboards');

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dash-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function loadError(files: Record<string, string>, path: string): string {
  try {
    loadDashboards(BUNDLED, workspaceWith(files), path);
  } catch (err) {
    expect(err).toBeInstanceOf(ActionError);
    return (err as ActionError).message;
  }
  throw new Error('expected loadDashboards to fail');
}

const panel = (expr: string) => ({ id: 7, title: 'Requests', type: 'timeseries', datasource: { type: 'prometheus', uid: '${DS_X}' }, targets: [{ refId: 'A', expr }] });
const userDashboard = (extra: object = {}) => JSON.stringify({
  __inputs: [{ name: 'DS_X', type: 'datasource', pluginId: 'prometheus' }], title: 'App', uid: 'app', panels: [panel('rate(http_requests_total[5m])')], ...extra,
});

describe('loadDashboards', () => {
  it('loads the bundled ECS dashboard as the primary one, and a user folder after it', () => {
    const ws = workspaceWith({ 'dash/app.json': userDashboard(), 'dash/readme.txt': 'not a dashboard' });
    const files = loadDashboards(BUNDLED, ws, 'dash');
    expect(files.map((f) => [f.file, f.key, f.primary])).toEqual([
      ['dashboards/ecs-task-monitoring.json', 'ecs-task-monitoring', true],
      ['dash/app.json', 'app', false],
    ]);
  });

  it('accepts a single file and the API export shape {dashboard, meta}', () => {
    const ws = workspaceWith({ 'one.json': JSON.stringify({ dashboard: JSON.parse(userDashboard()), meta: {} }) });
    expect(loadDashboards(BUNDLED, ws, 'one.json').map((f) => f.key)).toEqual(['ecs-task-monitoring', 'app']);
  });

  it('names the file for invalid JSON, the panel for PromQL that does not parse, and a missing title, all at once', () => {
    const message = loadError({
      'd/broken.json': '{"title": ',
      'd/query.json': JSON.stringify({ title: 'Q', uid: 'q', panels: [panel('sum(rate(x[5m])')] }),
      'd/untitled.json': JSON.stringify({ uid: 'u', panels: [] }),
    }, 'd');
    expect(message).toMatch(/^Input 'dashboards-path': 3 problem\(s\) in the dashboards; nothing was written to Grafana:/);
    expect(message).toContain('d/broken.json: not valid JSON');
    expect(message).toMatch(/d\/query\.json: panel 7 'Requests', query A: PromQL does not parse at character \d+/);
    expect(message).toContain('d/untitled.json: the dashboard has no title');
  });

  it('refuses inputs it cannot bind, duplicate uids, a missing path and an empty folder', () => {
    expect(loadError({ 'd/cw.json': userDashboard({ __inputs: [{ name: 'DS_CW', type: 'datasource', pluginId: 'cloudwatch' }] }) }, 'd'))
      .toContain("d/cw.json: input 'DS_CW' needs a cloudwatch datasource");
    expect(loadError({ 'd/a.json': userDashboard(), 'd/b.json': userDashboard() }, 'd')).toContain("d/b.json: same uid 'app' as d/a.json");
    expect(loadError({ 'd/a.json': userDashboard(), 'd/b.json': userDashboard({ uid: 'other' }) }, 'd')).toContain("d/b.json: same title 'App' as d/a.json");
    expect(loadError({}, 'missing')).toMatch(/^Input 'dashboards-path': 'missing' does not exist in the workspace/);
    expect(loadError({ 'empty/.keep': '' }, 'empty')).toContain('empty: no .json files in this folder');
  });
});

describe('buildImportRequest', () => {
  const [ecs] = loadDashboards(BUNDLED, '/nonexistent');
  const target = {
    repository: 'acme/shop', environment: 'pr-7', folderUid: 'f', datasourceUid: 'ds-1', datasourceName: 'AMP pr-7', pluginId: 'prometheus',
    workspaceUrl: 'https://g-abc.grafana-workspace.eu-west-1.amazonaws.com',
  };

  it('makes the dashboard this environment\'s: uid, title, tags, and every input bound to its data source', () => {
    const req = buildImportRequest(ecs, target);
    expect(req.dashboard.uid).toBe(dashboardUid('acme/shop', 'pr-7', 'ecs-task-monitoring'));
    expect(req.dashboard.title).toBe('ECS task monitoring (pr-7)');
    expect(req.dashboard.tags).toEqual(['ecs', 'ecs-amp-action', 'preview:pr-7', repositoryTag('acme/shop')]);
    expect(environmentFromTags(req.dashboard.tags as string[])).toBe('pr-7');
    expect(req).toMatchObject({ overwrite: true, folderUid: 'f', inputs: [{ name: 'DS_AMP', type: 'datasource', pluginId: 'prometheus', value: 'ds-1' }] });
    expect(ecs.dashboard.title).toBe('ECS task monitoring');
  });

  it('binds the panels\' data source references to the environment\'s, typed for the Grafana 12 AMP plugin', () => {
    const req = buildImportRequest(ecs, { ...target, pluginId: AMP_PLUGIN });
    const refs = new Set(JSON.stringify(req.dashboard).match(/"datasource":\{[^}]*\}/g));
    expect([...refs]).toEqual([`"datasource":{"type":"${AMP_PLUGIN}","uid":"ds-1"}`]);
  });

  it('gives two environments and two repositories different uids within Grafana\'s 40 characters', () => {
    const uids = [dashboardUid('acme/shop', 'pr-7', 'k'), dashboardUid('acme/shop', 'pr-8', 'k'), dashboardUid('acme/web', 'pr-7', 'k'),
      folderUid('acme/shop', 'a-very-long-environment-name-of-32'), datasourceUid('acme/shop', 'a-very-long-environment-name-of-32')];
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
  });
});

describe('data source', () => {
  it('uses the AMP plugin from Grafana 12 on, the core Prometheus plugin before', () => {
    expect(['9.4', '10.4', '12.4', undefined].map(pluginFor)).toEqual(['prometheus', 'prometheus', AMP_PLUGIN, 'prometheus']);
  });

  it('points at the workspace URL without /api/v1 and signs with the workspace role', () => {
    const url = datasourceUrl('https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/');
    expect(url).toBe('https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1');
    expect(datasourceBody({ uid: 'u', name: 'n', type: 'prometheus', url, region: 'eu-west-1' }).jsonData)
      .toEqual({ httpMethod: 'POST', sigV4Auth: true, sigV4AuthType: 'ec2_iam_role', sigV4Region: 'eu-west-1' });
  });
});
