import { cancelledUpdate, overwritable, Progress, startedUpdate } from '../../src/github/progress';
import { reportTarget } from '../../src/inputs/report-target';
import type { RunContext } from '../../src/inputs/types';
import { mergeState, parseState, renderReport, ReportState } from '../../src/render/report';

const where = { environment: 'pr-7', repository: 'acme/shop', region: 'eu-west-1', prNumber: 7 };
const COMMIT = '4f1c2e9d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e';
const RUN = 'https://github.com/acme/shop/actions/runs/9001';
const deployed: ReportState = {
  ...where,
  modes: { deploy: { status: 'succeeded', finishedAt: '2026-11-25T10:00:00.000Z', durationMs: 300_000, headline: 'stack created', commit: 'a'.repeat(40) } },
  links: [],
};
const started = (dryRun = false) => startedUpdate(where, 'deploy', new Date('2026-11-25T12:03:20.000Z'), { commit: COMMIT, image: 'ecr/shop:4f1c2e9', runUrl: RUN, dryRun });
const row = (body: string, step: string) => body.split('\n').find((l) => l.startsWith(`- **${step}**`));

describe('a step in progress in the comment', () => {
  it('shows what it does for which commit since when, and round-trips its state', () => {
    const body = renderReport(mergeState(deployed, started()), { serverUrl: 'https://github.com' });
    expect(row(body, 'deploy')).toBe(`- **deploy** ⏳ deploying \`4f1c2e9\`… · image \`shop:4f1c2e9\` · since 2026-11-25 12:03 UTC · [Run logs](${RUN})`);
    expect(parseState(body)?.modes.deploy).toEqual({ status: 'in progress', finishedAt: '2026-11-25T12:03:20.000Z', durationMs: 0, headline: '', commit: COMMIT, image: 'ecr/shop:4f1c2e9', runUrl: RUN });
  });

  it('puts a dry run in progress beside what is deployed', () => {
    const merged = mergeState(deployed, started(true));
    expect(merged.modes.deploy?.status).toBe('succeeded');
    expect(row(renderReport(merged), 'deploy (dry run)')).toMatch(/^- \*\*deploy \(dry run\)\*\* ⏳ planning `4f1c2e9`…/);
  });

  it('shows an up row first, bringing the preview up and then succeeded with its image, and a dry run of up beside it', () => {
    const running = startedUpdate(where, 'up', new Date('2026-11-25T12:03:20.000Z'), { commit: COMMIT, image: 'ecr/shop:4f1c2e9', runUrl: RUN });
    const body = renderReport(mergeState(deployed, running), { serverUrl: 'https://github.com' });
    expect(row(body, 'up')).toBe(`- **up** ⏳ bringing up \`4f1c2e9\`… · image \`shop:4f1c2e9\` · since 2026-11-25 12:03 UTC · [Run logs](${RUN})`);
    const lines = body.split('\n');
    expect(lines.findIndex((l) => l.startsWith('- **up**'))).toBeLessThan(lines.findIndex((l) => l.startsWith('- **deploy**')));
    const done = mergeState(deployed, { ...where, modes: { up: { status: 'succeeded', finishedAt: '2026-11-25T12:06:00.000Z', durationMs: 160_000, headline: 'up', commit: COMMIT, image: 'ecr/shop:4f1c2e9', runUrl: RUN } }, links: [] });
    expect(row(renderReport(done), 'up')).toMatch(/^- \*\*up\*\* ✅ succeeded · commit `4f1c2e9` · image `shop:4f1c2e9`/);
    const planned = mergeState(done, { ...where, modes: { up: { status: 'succeeded', finishedAt: '2026-11-25T12:09:00.000Z', durationMs: 9_000, headline: 'plan', dryRun: true, sections: [{ title: 'plan (dry run)', markdown: 'the plan' }] } }, links: [] });
    expect(planned.modes.up?.dryRun).toBeUndefined();
    const withPlan = renderReport(planned);
    expect(row(withPlan, 'up (dry run)')).toMatch(/📝 planned \(dry run\)/);
    expect(withPlan).toContain('<summary>up (dry run): plan (dry run)</summary>');
  });

  it('becomes cancelled, with how long it ran, when the post step finds it never ended', () => {
    const saved: Progress = { update: started(), mode: 'deploy' };
    const cancelled = cancelledUpdate(saved, new Date('2026-11-25T12:10:00.000Z'));
    expect(cancelled.modes.deploy).toMatchObject({ status: 'cancelled', commit: COMMIT, durationMs: 400_000, finishedAt: '2026-11-25T12:10:00.000Z' });
    const body = renderReport(mergeState(mergeState(deployed, started()), cancelled));
    expect(row(body, 'deploy')).toMatch(/^- \*\*deploy\*\* ⚠️ cancelled or killed · commit `4f1c2e9` · image `shop:4f1c2e9` · 6 min 40 s · 2026-11-25 12:10 UTC/);
    expect(parseState(body)?.modes.deploy?.status).toBe('cancelled');
  });

  it('is marked cancelled only over its own row or an older one', () => {
    const saved: Progress = { update: started(), mode: 'deploy' };
    expect(overwritable(undefined, saved)).toBe(true);
    expect(overwritable(deployed, saved)).toBe(true);
    expect(overwritable(mergeState(deployed, started()), saved)).toBe(true);
    const later = startedUpdate(where, 'deploy', new Date('2026-11-25T12:05:00.000Z'), { runUrl: `${RUN}1` });
    expect(overwritable(mergeState(deployed, later), saved)).toBe(false);
  });
});

describe('reportTarget (where an input error is reported)', () => {
  const ctx: RunContext = { repository: 'acme/shop', eventName: 'pull_request', refName: 'feature', prNumber: 7, fromFork: false, serverUrl: 'https://github.com', workspace: '/w' };

  it('reads mode, environment, region, comment and token as parseInputs does', () => {
    expect(reportTarget({ mode: 'deploy', cpu: 'lots', 'aws-region': 'eu-west-1', 'github-token': 't', comment: '' }, ctx))
      .toEqual({ mode: 'deploy', environment: 'pr-7', region: 'eu-west-1', comment: true, githubToken: 't', dryRun: false });
    expect(reportTarget({ mode: 'deploy', 'aws-region': 'mars-1', 'dry-run': 'true', comment: 'false' }, ctx))
      .toMatchObject({ region: '', comment: false, githubToken: undefined, dryRun: true });
  });

  it('names what it cannot read instead', () => {
    expect(reportTarget({ mode: 'deploy-all', environment: 'pr-8', comment: 'yes', 'github-token': 'a\nb' }, ctx))
      .toEqual({ unreadable: ['mode', 'environment', 'comment', 'github-token'] });
  });
});
