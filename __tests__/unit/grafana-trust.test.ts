import { bindDatasources, dropUntrusted, onWorkspace } from '../../src/grafana/dashboard-trust';
import { planImport } from '../../src/grafana/import-plan';
import { trustSection } from '../../src/modes/dashboard';

const DS = { uid: 'amp-pr-7-abc', name: 'AMP pr-7', pluginId: 'prometheus' };
const OURS = { type: 'prometheus', uid: 'amp-pr-7-abc' };
const WORKSPACE = 'https://g-abc.grafana-workspace.eu-west-1.amazonaws.com';

/** Every value of a member named `datasource`, wherever it sits. */
function datasourceRefs(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(datasourceRefs);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'datasource' ? [v] : datasourceRefs(v)));
}

describe('bindDatasources', () => {
  const foreign = () => ({
    templating: { list: [
      { name: 'ds', type: 'datasource', query: 'prometheus', regex: '', current: { text: 'AMP prod', value: 'prod-uid' } },
      { name: 'job', type: 'query', datasource: 'AMP prod', query: 'label_values(up, job)' },
      { name: 'filters', type: 'adhoc' },
      { name: 'env', type: 'custom', query: 'a,b' },
    ] },
    annotations: { list: [
      { builtIn: 1, datasource: { type: 'grafana', uid: '-- Grafana --' }, name: 'Annotations & Alerts' },
      { name: 'deploys', datasource: { type: 'prometheus', uid: 'prod-uid' }, expr: 'changes(x[5m])' },
      { name: 'legacy', datasource: '-- Grafana --' },
    ] },
    panels: [
      { id: 1, type: 'timeseries', datasource: { type: 'prometheus', uid: 'prod-uid' }, targets: [{ refId: 'A', expr: 'up' }, { refId: 'B', expr: 'up', datasource: 'AMP prod' }] },
      { id: 2, type: 'timeseries', datasource: '$ds', targets: [{ refId: 'A', expr: 'up', datasource: { uid: '${ds}' } }] },
      { id: 3, type: 'stat', targets: [{ refId: 'A', expr: 'up' }] },
      { id: 4, type: 'row', collapsed: true, panels: [{ id: 5, type: 'gauge', datasource: { uid: 'other-uid' }, targets: [{ refId: 'A', expr: 'up' }] }] },
      { id: 6, type: 'timeseries', datasource: { type: 'datasource', uid: '-- Mixed --' }, targets: [{ refId: 'A', expr: 'up' }, { refId: 'B', datasource: { uid: 'prod-uid' } }] },
      { id: 7, type: 'timeseries', datasource: { type: 'datasource', uid: '-- Dashboard --' }, targets: [{ refId: 'A', panelId: 1 }] },
      { id: 8, type: 'timeseries', datasource: OURS, targets: [{ refId: 'A', expr: 'up' }, { refId: 'B', datasource: { type: '__expr__', uid: '__expr__' }, expression: '$A * 2' }] },
      { id: 9, type: 'myplugin', options: { source: { datasource: 'prod-uid' } } },
    ],
    rows: [{ panels: [{ id: 10, type: 'graph', datasource: 'prod', targets: [{ refId: 'A', expr: 'up' }] }] }],
  });

  it('binds uids, names, objects, variables and missing references in every slot; keeps Grafana\'s pseudo data sources', () => {
     
    const d = foreign() as any;
    const rebound = bindDatasources(d, DS);
    expect(rebound).toEqual(['$ds', '${ds}', 'AMP prod', 'other-uid', 'prod', 'prod-uid']);
    const kept = [{ type: 'grafana', uid: '-- Grafana --' }, '-- Grafana --', { type: 'datasource', uid: '-- Mixed --' },
      { type: 'datasource', uid: '-- Dashboard --' }, { type: '__expr__', uid: '__expr__' }];
    for (const ref of datasourceRefs(d)) {
      if (!kept.some((k) => JSON.stringify(k) === JSON.stringify(ref))) expect(ref).toEqual(OURS);
    }
    // A query without a reference uses its panel's, and a panel without one the org's default: both bound.
    expect(d.panels[0].targets[0]).toMatchObject({ datasource: OURS });
    expect(d.panels[2]).toMatchObject({ datasource: OURS, targets: [{ datasource: OURS }] });
    expect(d.panels[4].targets[0]).toMatchObject({ datasource: OURS });
    expect(d.panels[5].targets[0]).not.toHaveProperty('datasource');
    expect(d.panels[6].targets[0]).toMatchObject({ datasource: OURS });
    expect(d.templating.list[2]).toMatchObject({ datasource: OURS });
    expect(d.templating.list[3]).not.toHaveProperty('datasource');
    expect(d.rows[0].panels[0]).toMatchObject({ datasource: OURS });
    expect(d.panels[7].options.source.datasource).toEqual(OURS);
    // The datasource variable can offer nothing but this environment's data source.
    expect(d.templating.list[0]).toMatchObject({ query: 'prometheus', regex: '/^AMP pr-7$/', current: {}, options: [], multi: false, includeAll: false });
  });

  it('does not count its own data source or the export\'s inputs as foreign', () => {
    const d = { panels: [{ id: 1, type: 'stat', datasource: { uid: '${DS_PROM}' }, targets: [{ datasource: 'AMP pr-7' }, { datasource: { uid: DS.uid } }] }] };
    expect(bindDatasources(d, DS)).toEqual([]);
    expect(datasourceRefs(d)).toEqual([OURS, OURS, OURS]);
  });

  it('does not take a look-alike for a pseudo data source', () => {
    const d = { panels: [{ id: 1, type: 'stat', datasource: { type: 'prometheus', uid: 'grafana' }, targets: [{ datasource: { type: 'loki', uid: '__expr__' } }] }] };
    bindDatasources(d, DS);
    expect(datasourceRefs(d)).toEqual([OURS, OURS]);
  });
});

describe('dropUntrusted', () => {
  const dashboard = () => ({
    links: [
      { title: 'Phish', type: 'link', url: 'https://evil.example/login' },
      { title: 'Home', type: 'link', url: `${WORKSPACE}/d/home` },
      { title: 'Related', type: 'dashboards', tags: ['shop'] },
    ],
    panels: [
      { id: 1, type: 'text', title: 'Banner', options: { mode: 'html', content: '<b>hi</b>' } },
      { id: 2, type: 'text', title: 'Notes', options: { mode: 'markdown', content: '# Runbook\n<iframe src="https://evil.example"></iframe>' } },
      { id: 3, type: 'text', title: 'Plain', options: { mode: 'markdown', content: '# Runbook\nLatency < 200 ms is fine' } },
      { id: 4, type: 'text', title: 'Old', mode: 'html', content: '<script>x()</script>' },
      { id: 5, type: 'text', title: 'Code', options: { mode: 'code', content: '<div>shown as code</div>' } },
      { id: 6, type: 'timeseries', title: 'CPU',
        links: [{ title: 'Runbook', url: 'https://wiki.evil.example/cpu' }, { title: 'Drill', url: '/d/drill?var-x=${__value.raw}' }],
        fieldConfig: {
          defaults: { links: [{ title: 'Out', url: 'https://evil.example/${__value.raw}' }, { title: 'In', url: '/explore' }] },
          overrides: [{ matcher: { id: 'byName', options: 'x' }, properties: [{ id: 'links', value: [{ title: 'Over', url: '//evil.example/x' }] }, { id: 'unit', value: 's' }] }],
        } },
      { id: 7, type: 'row', collapsed: true, panels: [{ id: 8, type: 'text', title: 'Nested', options: { mode: 'html', content: 'x' } }] },
      { id: 9, type: 'timeseries', title: 'Shared', libraryPanel: { uid: 'lib-1', name: 'Team panel' } },
      { id: 10, type: 'graph', title: 'Old graph', options: { dataLinks: [{ title: 'JS', url: 'javascript:alert(1)' }] } },
      { id: 11, type: 'table-old', title: 'Old table', styles: [{ pattern: 'host', link: true, linkUrl: 'http://evil.example/${__cell}', linkTooltip: 'Open' }] },
    ],
    __elements: { 'lib-1': { name: 'Team panel', uid: 'lib-1', kind: 1, model: {} } },
  });

  it('drops HTML text panels, library panels and links off the workspace, and lists each', () => {
     
    const d = dashboard() as any;
    const dropped = dropUntrusted(d, WORKSPACE);
    expect(dropped).toEqual([
      "panel 1 'Banner': text panel in HTML mode",
      "panel 2 'Notes': text panel with raw HTML in its markdown",
      "panel 4 'Old': text panel in HTML mode",
      "panel 6 'CPU': panel link 'Runbook' to wiki.evil.example",
      "panel 6 'CPU': data link 'Out' to evil.example",
      "panel 6 'CPU': data link 'Over' to //evil.example/x",
      "panel 8 'Nested': text panel in HTML mode",
      "panel 9 'Shared': library panel 'Team panel' (a shared workspace object, not bound to this environment)",
      "panel 10 'Old graph': data link 'JS' to javascript:alert(1)",
      "panel 11 'Old table': table column link 'Open' to evil.example",
      "dashboard link 'Phish' to evil.example",
      '1 library panel definition(s) (__elements)',
    ]);
    expect((d.panels as { id: number }[]).map((p) => p.id)).toEqual([3, 5, 6, 7, 10, 11]);
    const cpu = d.panels.find((p: { id: number }) => p.id === 6);
    expect(cpu.links.map((l: { title: string }) => l.title)).toEqual(['Drill']);
    expect(cpu.fieldConfig.defaults.links.map((l: { title: string }) => l.title)).toEqual(['In']);
    expect(cpu.fieldConfig!.overrides[0].properties).toEqual([{ id: 'links', value: [] }, { id: 'unit', value: 's' }]);
    expect(d.links.map((l: { title: string }) => l.title)).toEqual(['Home', 'Related']);
    expect(d).not.toHaveProperty('__elements');
  });

  it('keeps paths and the workspace\'s own URLs, refuses look-alikes and hosts a variable could pick', () => {
    const origin = new URL(WORKSPACE).origin;
    for (const url of ['/d/x', '/d/x?var-a=${a}', '?orgId=1', '#panel-2', `${WORKSPACE}`, `${WORKSPACE}/d/x`, `${WORKSPACE.toUpperCase()}/x`]) {
      expect([url, onWorkspace(url, origin)]).toEqual([url, true]);
    }
    for (const url of ['//evil.example', '/\\evil.example', `${WORKSPACE}.evil.example/`, `${WORKSPACE}@evil.example`, `${WORKSPACE}//evil.example`,
      '${host}/d/x', 'd/x', 'javascript:alert(1)', 'http://g-abc.grafana-workspace.eu-west-1.amazonaws.com/d/x', '']) {
      expect([url, onWorkspace(url, origin)]).toEqual([url, false]);
    }
  });
});

describe('planImport and its report', () => {
  it('reports what it dropped and rebound, and the section escapes the checkout\'s text', () => {
    const file = {
      file: 'ops/|evil|.json', key: 'k', primary: false,
      dashboard: {
        title: 'App', panels: [
          { id: 1, type: 'text', title: '@team <img src=x>', options: { mode: 'html', content: '' } },
          { id: 2, type: 'stat', datasource: 'prod`uid', targets: [{ expr: 'up' }] },
        ],
      },
    };
    const plan = planImport(file, {
      repository: 'acme/shop', environment: 'pr-7', folderUid: 'f', datasourceUid: DS.uid, datasourceName: DS.name, pluginId: 'prometheus', workspaceUrl: WORKSPACE,
    });
    expect(plan.dropped).toEqual(["panel 1 '@team <img src=x>': text panel in HTML mode"]);
    expect(plan.rebound).toEqual(['prod`uid']);
    expect(file.dashboard.panels).toHaveLength(2);
    expect(plan.request.dashboard.panels).toEqual([{ id: 2, type: 'stat', datasource: OURS, targets: [{ expr: 'up', datasource: OURS }] }]);

    const section = trustSection([{ file: file.file, dropped: plan.dropped, rebound: plan.rebound }], DS.name)!;
    expect(section.markdown).not.toMatch(/(^|[^\\])<img|@team|(^|[^\\])\|evil/);
    expect(section.markdown).toContain('``prod`uid``');
    expect(trustSection([], DS.name)).toBeUndefined();
  });
});
