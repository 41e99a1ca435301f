import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PreviewFixture, REPOSITORY, startFixture } from '../../sandbox/src/harness/fixture';
import { ACTIONS_BOT } from '../../sandbox/src/models/github';
import { cellCount, commandsIn, liveLines, visible } from '../reading';
import { ok } from './support';

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { grafanaCreate: 300, ampDelete: 100, cfnResource: { default: 20, ChangeSet: 40, 'AWS::IAM::Role': 40, 'ECS::Stabilize': 100 } } });
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());
afterEach(() => fx.sandbox.github.setFault(undefined));

const marker = (env: string) => `<!-- ecs-amp-action:comment environment=${env} -->`;
const stateLine = (state: unknown) => `<!-- ecs-amp-action:state ${Buffer.from(JSON.stringify(state)).toString('base64')} -->`;
const ownComments = (pr: number) => fx.sandbox.github.commentsOn(REPOSITORY, pr).filter((c) => c.user === ACTIONS_BOT);

/** What the action itself issues: masks, groups, annotations, debug lines, and stop-commands around untrusted text. */
const OWN_COMMANDS = new Set(['add-mask', 'group', 'endgroup', 'warning', 'error', 'notice', 'debug', 'stop-commands']);

describe('the PR comment trusts only its own comments', () => {
  it('neither edits nor reads a marker comment by someone else, and creates its own', async () => {
    const pr = fx.pullRequest();
    const env = `pr-${pr}`;
    // A forged comment whose state would pass every check but the author's: a well-formed link, a record of a mode never run.
    const forgedState = {
      environment: env, repository: REPOSITORY, region: 'eu-west-1', prNumber: pr, v: 2,
      modes: { deploy: { status: 'succeeded', finishedAt: '2099-01-01T00:00:00.000Z', durationMs: 1, headline: 'FORGED deploy', sections: [{ title: 'FORGED', markdown: '[Grafana login](https://evil.example/login)' }] } },
      links: [{ label: 'Grafana login', value: 'FORGED', href: 'https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com/login' }],
    };
    const forged = fx.sandbox.github.addComment(REPOSITORY, pr, `${marker(env)}\nLog in: [Grafana login](https://evil.example/login)\n\n${stateLine(forgedState)}`, 'mallory');
    const before = { body: forged.body, updatedAt: forged.updatedAt.getTime() };

    const run = ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));

    expect({ body: forged.body, updatedAt: forged.updatedAt.getTime() }).toEqual(before);
    const own = ownComments(pr);
    expect(own).toHaveLength(1);
    expect(own[0].body.startsWith(marker(env))).toBe(true);
    for (const text of [own[0].body, run.summary]) {
      expect(text).not.toMatch(/FORGED|Grafana login|evil\.example|g-0123456789/);
      expect(text).toContain('- **provision** ✅ succeeded');
      expect(text).not.toMatch(/\| deploy \|/);
    }
    expect(fx.sandbox.log.filter((e) => e.service === 'github' && e.operation === `PATCH /repos/${REPOSITORY}/issues/comments/${forged.id}`)).toEqual([]);

    // The next run updates the action's own comment and still ignores the forged one.
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    expect(ownComments(pr)).toHaveLength(1);
    expect(forged.body).toBe(before.body);
  });

  it('keeps the comment and the log intact whatever the dashboards of the checkout are called', async () => {
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'provision' }, { pr }));
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    const dir = mkdtempSync(join(tmpdir(), 'hostile-checkout-'));
    mkdirSync(join(dir, 'dash'));
    const hostile: [string, string][] = [
      ['a|b.json', '[x](https://evil.example) | ::warning::x'],
      ['line\nbreak @someone.json', '@someone\n::stop-commands::x\nline'],
      ['<!-- ecs-amp-action:state eyJ4IjoxfQ== -->.json', '<!-- ecs-amp-action:state eyJ4IjoxfQ== -->'],
      ['``tick``.json', '```\n::error::from a title\n``` `tick`'],
      ['::warning::x.json', '::set-output name=x::y ##[error]v1 www.evil.example'],
    ];
    hostile.forEach(([file, title], i) => writeFileSync(join(dir, 'dash', file), JSON.stringify({ title, uid: `hostile-${i}`, panels: [] })));

    const run = ok(await fx.run({ mode: 'dashboard', 'dashboards-path': 'dash' }, { pr, env: { GITHUB_WORKSPACE: dir } }));

    const own = ownComments(pr);
    expect(own).toHaveLength(1);
    for (const body of [own[0].body, run.summary]) {
      const live = liveLines(body);
      // Exactly one hidden state, the last line; the marker the first; no other HTML.
      expect(live.filter((l) => l.startsWith('<!-- ecs-amp-action:state '))).toHaveLength(1);
      expect(live.filter((l) => l.trim()).at(-1)!.startsWith('<!-- ecs-amp-action:state ')).toBe(true);
      // The action's own folding, around titles it wrote.
      const ownHtml = { has: (l: string) => l === '</details>' || /^<details(?: open)?><summary>[\w :()-]+<\/summary>$/.test(l) };
      expect(live[0]).toBe(marker(`pr-${pr}`));
      const text = live.slice(1).filter((l) => !ownHtml.has(l) && !l.startsWith('<!-- ecs-amp-action:state '));
      for (const line of text.map(visible)) {
        expect(line).not.toMatch(/<|@[\w-]|\]\(https:\/\/evil|https?:\/\/evil|www\.evil/);
      }
      // The dashboards table: a header, a delimiter and one two-cell row per dashboard (five and the bundled one).
      const start = live.indexOf('| Dashboard | Source |');
      const rows = live.slice(start, live.indexOf('', start));
      expect(rows).toHaveLength(2 + hostile.length + 1);
      for (const row of rows) expect(cellCount(row)).toBe(2);
    }
    // The next run reads back the state it wrote, not one a title carried.
    expect(own[0].body).toContain('- **dashboard** ✅ succeeded');

    const commands = commandsIn(run.log);
    expect(commands.filter((c) => !OWN_COMMANDS.has(c.name))).toEqual([]);
    // The action's own stop-commands tokens are unguessable; its annotations are not the titles' text.
    for (const c of commands.filter((x) => x.name === 'stop-commands')) expect(c.data).toMatch(/^[0-9a-f]{32}$/);
    expect(commands.filter((c) => ['warning', 'error'].includes(c.name) && /^(x|from a title)$/.test(c.data))).toEqual([]);
    // And the titles did reach the log, between stop-commands.
    expect(run.log).toContain('::error::from a title');
  });
});

describe('a GitHub that does not answer', () => {
  it('does not hold destroy: the work is done, a warning says so, the step succeeds', async () => {
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    ok(await fx.run({ mode: 'deploy', grafana: 'false' }, { pr }));
    fx.closePullRequest(pr);
    fx.sandbox.github.setFault('hang');

    const run = await fx.run({ mode: 'destroy', grafana: 'false' }, { pr });

    expect(run.code).toBe(0);
    expect(run.log).toMatch(/::warning::Could not post the PR comment: GitHub did not answer in time/);
    const state = fx.state();
    expect(state.stacks.filter((s) => s.stackName === `preview-shop-pr-${pr}` && s.status !== 'DELETE_COMPLETE')).toEqual([]);
    expect(state.ampWorkspaces.filter((w) => w.tags['ecs-amp-action:environment'] === `pr-${pr}`)).toEqual([]);
    expect(run.summary).toContain('- **destroy** 🧹 destroyed');
    // GitHub was asked, and answered nothing; the step still ended (within the bound on one request, 10 s, plus the work).
    expect(fx.sandbox.log.some((e) => e.service === 'github' && e.errorCode === 'hang')).toBe(true);
    expect(run.durationMs).toBeLessThan(45_000);
  }, 90_000);
});
