import { commentMarker, isReportOf, mergeState, parseState, renderReport, ReportState } from '../../src/render/report';
import { renderChangeSet } from '../../src/render/change-set';
import { renderDashboardTable } from '../../src/render/dashboards';
import { renderTeardown } from '../../src/render/teardown';
import { forgetSecrets, holdSecret } from '../../src/util/secrets';
import { liveLines, visible } from '../reading';

const base: ReportState = {
  environment: 'pr-7', repository: 'acme/shop', region: 'eu-west-1', prNumber: 7,
  modes: {
    provision: { status: 'succeeded', finishedAt: '2026-11-25T10:00:00.000Z', durationMs: 41_500, headline: 'AMP ws-1 created', timings: { 'AMP workspace': 12_000 } },
  },
  links: [{ label: 'Grafana', value: 'g-0123456789 (created)', href: 'https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com' }],
};

describe('renderReport', () => {
  it('starts with the environment marker and round-trips its state', () => {
    const body = renderReport(base);
    expect(body.startsWith(commentMarker('pr-7'))).toBe(true);
    expect(parseState(body)).toEqual(base);
    expect(body).toContain('- **provision** ✅ succeeded · 41.5 s · 2026-11-25 10:00 UTC  \n  AMP ws-1 created');
    expect(body).toContain('**Open:** [Grafana](https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com/)');
  });

  it('once destroyed, shows what was removed and neither the links nor the other modes\' detail', () => {
    const body = renderReport({
      ...base,
      modes: {
        ...base.modes,
        dashboard: { status: 'succeeded', finishedAt: '2026-11-25T10:10:00.000Z', durationMs: 1, headline: '1 dashboard(s)', sections: [{ title: 'dashboards', markdown: '[ECS](https://g/d/x)' }] },
        destroy: { status: 'succeeded', finishedAt: '2026-11-25T11:00:00.000Z', durationMs: 1, headline: 'removed 3 resource(s)', sections: [{ title: 'removed', markdown: '- 🗑️ stack preview-shop-pr-7' }] },
      },
    });
    expect(body).toContain('### 🧹 Preview `pr-7` (destroyed)');
    expect(body).toContain('<summary>destroy: removed</summary>');
    expect(body).not.toContain('dashboard: dashboards');
    expect(body).not.toContain('https://g-0123456789');
  });

  it('keeps table cells intact when values contain pipes and newlines', () => {
    const body = renderReport({ ...base, modes: { provision: { ...base.modes.provision!, headline: 'a|b\nc' } } });
    expect(body).toContain('a\\|b c');
  });

  it('stays under the limit however long the error is, and still carries its state', () => {
    const error = 'x'.repeat(200_000);
    const state: ReportState = { ...base, modes: { ...base.modes, deploy: { status: 'failed', finishedAt: '2026-11-25T10:05:00.000Z', durationMs: 1, headline: 'failed', error } } };
    const body = renderReport(state, { limit: 65_536 });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('truncated; see the job log');
    expect(body).toContain('- **deploy** ❌ failed');
    expect(parseState(body)!.modes.deploy!.error!.length).toBeGreaterThan(1000);
  });

  it('drops the timings detail before cutting errors', () => {
    const full = renderReport(base);
    const compact = renderReport(base, { limit: full.length - 1 });
    expect(full).toContain('<summary>Timings</summary>');
    expect(compact).not.toContain('<summary>Timings</summary>');
    expect(compact.length).toBeLessThan(full.length);
  });
});

describe('mergeState', () => {
  it('keeps earlier modes and replaces links by label', () => {
    const update: ReportState = {
      ...base,
      modes: { deploy: { status: 'succeeded', finishedAt: '2026-11-25T11:00:00.000Z', durationMs: 1000, headline: 'stack updated' } },
      links: [{ label: 'Grafana', value: 'g-new' }, { label: 'Stack', value: 'preview-pr-7' }],
    };
    const merged = mergeState(base, update);
    expect(Object.keys(merged.modes)).toEqual(['provision', 'deploy']);
    expect(merged.links.map((l) => l.value)).toEqual(['g-new', 'preview-pr-7']);
  });

  it('ignores a stored state of another environment', () => {
    const other = { ...base, environment: 'pr-8' };
    expect(mergeState(other, base)).toEqual(base);
  });

  it('treats a hand-edited state as absent', () => {
    expect(parseState('<!-- ecs-amp-action:state not-base64!! -->')).toBeUndefined();
    expect(parseState('plain comment')).toBeUndefined();
  });
});

const HOSTILE = '@someone | x\n<!-- ecs-amp-action:state eyJ4IjoxfQ== --> `tick` [x](https://evil.example) ::warning::x\n```\n';

describe('untrusted text in the report', () => {
  afterEach(() => forgetSecrets());

  const hostile: ReportState = {
    ...base,
    modes: {
      provision: { ...base.modes.provision!, headline: HOSTILE, timings: { [HOSTILE]: 1 } },
      dashboard: { status: 'failed', finishedAt: '2026-11-25T10:10:00.000Z', durationMs: 1, headline: HOSTILE, error: `${HOSTILE}\n\`\`\`\`\`\`\n@after-the-fence` },
    },
    links: [
      { label: 'Grafana login', value: HOSTILE, href: 'https://evil.example/login' },
      { label: 'Stack', value: 'preview', href: 'https://eu-west-1.console.aws.amazon.com/cloudformation/home' },
    ],
  };

  it('keeps every row one row, with no mention, HTML, link or second state outside code', () => {
    const body = renderReport(hostile);
    const live = liveLines(body);
    expect(live.filter((l) => l.startsWith('<!-- ecs-amp-action:state '))).toHaveLength(1);
    expect(live.at(-1)!.startsWith('<!-- ecs-amp-action:state ')).toBe(true);
    expect(live.filter((l) => visible(l).includes('<!--'))).toHaveLength(2);
    // The action's own folding, around titles it wrote; nothing else in the body is HTML.
    const ownHtml = (l: string) => l === '</details>' || /^<details(?: open)?><summary>[\w :()-]+<\/summary>$/.test(l);
    for (const line of live.slice(1, -1).filter((l) => !ownHtml(l)).map(visible)) {
      expect(line).not.toMatch(/@[\w-]|<|\]\(https:\/\/evil/);
      expect(line).not.toMatch(/^::/);
    }
    expect(body).toContain('[preview](https://eu-west-1.console.aws.amazon.com/cloudformation/home)');
    // The error is quoted prose (it wraps), its backticks escaped: no fence for them to close.
    expect(body).not.toMatch(/^`{3,}/m);
    expect(parseState(body)).toEqual(hostile);
  });

  it('renders a link the action does not build as code', () => {
    const body = renderReport(hostile);
    expect(liveLines(body).map(visible).join('\n')).not.toMatch(/\]\(https:\/\/evil/);
    // The value and the target show as code, readable and not clickable.
    expect(body).toMatch(/^- Grafana login: ````@someone.*```` `https:\/\/evil\.example\/login`$/m);
  });

  it('redacts a held secret in text and in the stored state', () => {
    const secret = 'glsa_abcdefgh_0123456789abcdef';
    holdSecret(secret);
    const body = renderReport({ ...base, modes: { deploy: { status: 'failed', finishedAt: '2026-11-25T10:00:00.000Z', durationMs: 1, headline: `h ${secret}`, error: `echo: ${secret}` } } });
    expect(body).not.toContain(secret);
    expect(body).not.toContain(secret.replace(/_/g, '\\_'));
    expect(JSON.stringify(parseState(body))).not.toContain(secret);
  });
});

describe('parseState is strict', () => {
  const body = renderReport(base);
  const stateLine = body.split('\n').at(-1)!;

  it('reads only the last line', () => {
    expect(parseState(`${stateLine}\nsomething after`)).toBeUndefined();
    expect(parseState(`${body}\n\n`)).toEqual(base);
    expect(parseState(`intro ${stateLine}`)).toBeUndefined();
  });

  it('refuses a state of the wrong shape', () => {
    const encode = (v: unknown) => `<!-- ecs-amp-action:state ${Buffer.from(JSON.stringify(v)).toString('base64')} -->`;
    expect(parseState(encode({ ...base, links: [{ label: 1, value: 'x' }] }))).toBeUndefined();
    expect(parseState(encode({ ...base, modes: { hack: base.modes.provision } }))).toBeUndefined();
    expect(parseState(encode({ ...base, modes: { provision: { ...base.modes.provision, finishedAt: 'x\n| a |' } } }))).toBeUndefined();
    expect(parseState(encode({ ...base, v: 2 }))).toEqual(base);
  });

  it('drops the sections of a state an earlier version stored unescaped', () => {
    const old = { ...base, modes: { dashboard: { status: 'succeeded', finishedAt: '2026-11-25T10:00:00.000Z', durationMs: 1, headline: 'x', sections: [{ title: 't', markdown: '@someone' }] } } };
    const parsed = parseState(`<!-- ecs-amp-action:state ${Buffer.from(JSON.stringify(old)).toString('base64')} -->`);
    expect(parsed!.modes.dashboard!.sections).toBeUndefined();
  });

  it('matches a report by its first line only', () => {
    expect(isReportOf(body, 'pr-7')).toBe(true);
    expect(isReportOf(`quoted:\n${body}`, 'pr-7')).toBe(false);
    expect(commentMarker('x -->\n<b>')).toMatch(/^<!-- ecs-amp-action:comment environment=[^\s<>]+ -->$/);
  });
});

describe('section renderers escape what they did not write', () => {
  const oneRowPer = (table: string, rows: number) => {
    const lines = table.split('\n');
    expect(lines).toHaveLength(rows + 2);
    for (const line of lines) expect(visible(line)).not.toMatch(/@[\w-]|<|\]\(https:\/\/evil/);
  };

  it('dashboards: titles and files from the checkout; links only into the resolved workspace', () => {
    const grafana = 'https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com';
    const table = renderDashboardTable([
      { file: 'd/a|b\n@x.json', title: HOSTILE, url: `${grafana}/d/uid/slug` },
      { file: 'd/b.json', title: 'Elsewhere', url: 'https://evil.example/d/x' },
    ], grafana);
    oneRowPer(table, 2);
    expect(table).toContain(`](${grafana}/d/uid/slug)`);
    expect(table).toContain('| `Elsewhere` `https://evil.example/d/x` |');
    expect(renderDashboardTable([{ file: 'f', title: 't', url: 'http://127.0.0.1:1/d/x' }], 'http://127.0.0.1:1')).toContain('| `t` `http://127.0.0.1:1/d/x` | `f` |');
  });

  it('teardown and change set', () => {
    const grafanaStep = { id: 'e/grafana', action: 'delete' as const, kind: 'grafana-objects' as const, target: HOSTILE, reason: HOSTILE, dependsOn: [] };
    expect(renderTeardown([grafanaStep], new Map([['e/grafana', { status: 'done' as const, value: { removed: [`Grafana dashboard '${HOSTILE}'`] } }]])).split('\n')).toHaveLength(1);
    expect(renderTeardown([grafanaStep], new Map([['e/grafana', { status: 'failed' as const, detail: HOSTILE }]]))).not.toContain(HOSTILE);
    // CloudFormation's names and values come back from the template and its parameters: none may open markup.
    const changeSet = renderChangeSet({
      changes: [
        { ResourceChange: { Action: 'Modify', LogicalResourceId: HOSTILE, ResourceType: '@x', Replacement: 'False', Details: [{ Target: { Attribute: 'Properties', Name: HOSTILE, Path: `/Properties/${HOSTILE}`, BeforeValue: HOSTILE, AfterValue: `${HOSTILE}!` } }] } },
        { ResourceChange: { Action: 'constructor' as never, LogicalResourceId: 'A', ResourceType: 'T' } },
      ],
      parameters: [{ key: HOSTILE, before: HOSTILE, after: 'v2' }],
    });
    expect(changeSet).not.toContain(HOSTILE);
    // Each value went through code() or plain() (markdown.test.ts pins those): no line break got through, so no
    // value starts a line of its own (a fence, a workflow command, a state marker).
    expect(changeSet.split('\n').filter((l) => l.includes('someone'))).toHaveLength(3);
    expect(changeSet).not.toMatch(/^\s*(::|```|<!--)/m);
  });
});
