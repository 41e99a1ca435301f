import { commentMarker, mergeState, parseState, renderReport, ReportState } from '../../src/render/report';

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
    expect(body).toContain('| provision | ✅ succeeded | 2026-11-25 10:00:00 UTC | 41.5 s | AMP ws-1 created |');
    expect(body).toContain('[g-0123456789 (created)](https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com)');
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
    expect(body).toContain('### 🧹 Preview environment `pr-7` (destroyed)');
    expect(body).toContain('#### destroy: removed');
    expect(body).not.toContain('#### dashboard: dashboards');
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
    expect(body).toContain('| deploy | ❌ failed');
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
    expect(mergeState(other, base)).toBe(base);
  });

  it('treats a hand-edited state as absent', () => {
    expect(parseState('<!-- ecs-amp-action:state not-base64!! -->')).toBeUndefined();
    expect(parseState('plain comment')).toBeUndefined();
  });
});
