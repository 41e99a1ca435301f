import { PreviewFixture, startFixture } from '../../sandbox/src/harness/fixture';
import { killRunningSteps } from '../../sandbox/src/harness/run-action';
import { defaultStackName } from '../../src/aws/stack-names';
import { parseState, type ModeRecord } from '../../src/render/report';
import { ok, waitFor } from './support';

// The PR comment while a step runs, after it ends, after it is killed, and after its inputs are refused: read from
// the comment the sandbox's GitHub stores (its hidden state and its step row), through dist/index.js.

let fx: PreviewFixture;

const LATENCIES = { cfnResource: { default: 20, ChangeSet: 40, 'AWS::IAM::Role': 40, 'ECS::Stabilize': 100 } };
/** Long enough that a deploy is surely still waiting for its service when the comment is looked at. */
const SLOW_SERVICE = { cfnResource: { ...LATENCIES.cfnResource, 'ECS::Stabilize': 5_000 } };

beforeAll(async () => {
  fx = await startFixture({ latencies: LATENCIES });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  fx.sandbox.setLatencies(LATENCIES);
});

const commitOf = (n: number) => n.toString(16).padStart(7, '0').repeat(6).slice(0, 40);
const as = (pr: number, commit: string) => ({ pr, env: { GITHUB_SHA: commit } });

/** The one sticky comment of `pr`: its body and the state it stores. */
function comment(pr: number): { body: string; deploy?: ModeRecord } | undefined {
  const bodies = fx.comments(pr);
  if (bodies.length === 0) return undefined;
  expect(bodies).toHaveLength(1);
  return { body: bodies[0], deploy: parseState(bodies[0])?.modes.deploy };
}

/** The step's row as rendered: the list item that starts with the step's name. */
const row = (body: string, step: string) => body.split('\n').find((l) => l.startsWith(`- **${step}**`)) ?? '';

const stackStatus = (pr: number) => fx.state().stacks.find((s) => s.stackName === defaultStackName('acme/shop', `pr-${pr}`))?.status;
const awsRequests = () => fx.sandbox.log.filter((e) => e.service !== 'github');

async function provisioned(): Promise<number> {
  const pr = fx.pullRequest();
  ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
  return pr;
}

describe('the PR comment while a step runs', () => {
  it('shows the deploy in progress for this commit while it waits, then its result', async () => {
    const pr = await provisioned();
    const commit = commitOf(pr);
    fx.sandbox.setLatencies(SLOW_SERVICE);
    const running = fx.run({ mode: 'deploy' }, as(pr, commit));

    // Posted while the deploy waits for its stack, not after it.
    await waitFor(() => Boolean(stackStatus(pr)?.endsWith('_IN_PROGRESS')) && comment(pr)?.deploy?.status === 'in progress', 30_000);
    const during = comment(pr)!;
    expect(during.deploy).toMatchObject({ status: 'in progress', commit });
    expect(row(during.body, 'deploy')).toContain(`⏳ deploying \`${commit.slice(0, 7)}\`…`);
    expect(row(during.body, 'deploy')).toMatch(/since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    // What provision reported stays.
    expect(parseState(during.body)?.modes.provision?.status).toBe('succeeded');

    const run = ok(await running);
    const after = comment(pr)!;
    expect(after.deploy).toMatchObject({ status: 'succeeded', commit });
    expect(row(after.body, 'deploy')).toContain('✅ succeeded');
    expect(after.body).not.toContain('⏳');
    expect(run.summary).toContain('✅ succeeded');
    // The post step found nothing left to do.
    expect(run.post).toMatchObject({ code: 0 });
    expect(comment(pr)!.body).toBe(after.body);
  });

  it('marks a killed step cancelled in its post step', async () => {
    const pr = await provisioned();
    const commit = commitOf(pr);
    fx.sandbox.setLatencies(SLOW_SERVICE);
    const running = fx.run({ mode: 'deploy' }, as(pr, commit));
    await waitFor(() => comment(pr)?.deploy?.status === 'in progress', 30_000);
    expect(killRunningSteps()).toBe(1);
    const run = await running;

    expect(run.killed).toBe(true);
    expect(run.post).toMatchObject({ code: 0 });
    const after = comment(pr)!;
    expect(after.deploy).toMatchObject({ status: 'cancelled', commit });
    expect(after.deploy!.durationMs).toBeGreaterThan(0);
    expect(row(after.body, 'deploy')).toContain('⚠️ cancelled or killed');
    expect(after.body).not.toContain('⏳');
  });
});

describe('an input error still marks this commit\'s step failed', () => {
  it('replaces a succeeded deploy with the failed row naming the input, without one AWS request', async () => {
    const pr = await provisioned();
    ok(await fx.run({ mode: 'deploy' }, as(pr, commitOf(1))));
    expect(comment(pr)!.deploy).toMatchObject({ status: 'succeeded', commit: commitOf(1) });

    fx.sandbox.clearLog();
    const run = await fx.run({ mode: 'deploy', cpu: 'lots' }, as(pr, commitOf(2)));
    expect(run.code).toBe(1);
    expect(awsRequests()).toEqual([]);
    const after = comment(pr)!;
    expect(after.deploy).toMatchObject({ status: 'failed', commit: commitOf(2) });
    expect(after.deploy!.error).toContain('Input \'cpu\'');
    expect(row(after.body, 'deploy')).toContain('❌ failed');
    expect(row(after.body, 'deploy')).toContain(`\`${commitOf(2).slice(0, 7)}\``);
    expect(run.summary).toContain('❌ failed');
    expect(run.summary).toContain('cpu');
  });

  it('posts the failed row on a PR that had no comment yet', async () => {
    const pr = fx.pullRequest();
    const run = await fx.run({ mode: 'provision', 'aws-region': 'mars-1' }, as(pr, commitOf(3)));
    expect(run.code).toBe(1);
    expect(awsRequests()).toEqual([]);
    const state = parseState(comment(pr)!.body)!;
    expect(state.modes.provision).toMatchObject({ status: 'failed', commit: commitOf(3) });
    expect(state.modes.provision!.error).toContain('Input \'aws-region\'');
  });

  it('posts nothing when the environment it would report to cannot be read', async () => {
    const pr = fx.pullRequest();
    const run = await fx.run({ mode: 'deploy', environment: 'PR_1', cpu: 'lots' }, as(pr, commitOf(4)));
    expect(run.code).toBe(1);
    expect(fx.comments(pr)).toEqual([]);
    expect(fx.sandbox.log).toEqual([]);
    expect(run.summary).toBe('');
  });
});
