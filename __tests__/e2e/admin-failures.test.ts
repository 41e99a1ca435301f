import { PreviewFixture, startFixture } from '../../sandbox/src/harness/fixture';
import { ok } from './support';

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { cfnResource: { default: 10, ChangeSet: 20, 'ECS::Stabilize': 100 } } });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  fx.sandbox.ecs.clearTaskFailure();
});

/** What a person does from a shell: curl -X PUT $SANDBOX/_sandbox/failures/… -d '{…}'. */
async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: { message?: string } }> {
  const res = await fetch(`${fx.sandbox.url}/_sandbox/failures/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { message?: string } };
}

async function provisioned(): Promise<number> {
  const pr = fx.pullRequest();
  ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
  return pr;
}

describe('failures injected over the admin routes, as a person would from a shell', () => {
  it('an image that cannot be pulled: the deploy fails with the reason ECS gives', async () => {
    const pr = await provisioned();
    const reason = 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref public.ecr.aws/acme/missing:1';
    expect((await admin('PUT', 'tasks', { reason, container: 'app' })).status).toBe(200);
    const run = await fx.run({ mode: 'deploy', 'wait-timeout-minutes': '2' }, { pr });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('CannotPullContainerError');
    expect((await admin('DELETE', 'tasks')).status).toBe(200);
  });

  it('a resource CloudFormation fails: the deploy names it as the root cause', async () => {
    const pr = await provisioned();
    expect((await admin('PUT', 'resources', { match: { type: 'AWS::ECS::Cluster' }, reason: 'Resource handler returned message: "Injected from a shell"', operation: 'CREATE' })).status).toBe(200);
    const run = await fx.run({ mode: 'deploy' }, { pr });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(/Root cause: \w+ \(AWS::ECS::Cluster\) CREATE_FAILED: Resource handler returned message: "Injected from a shell"/);
  });

  it('an AMP workspace that fails to create', async () => {
    expect((await admin('PUT', 'amp-create', { count: 1 })).status).toBe(200);
    const run = await fx.run({ mode: 'provision', grafana: 'false' }, { pr: fx.pullRequest() });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('CREATION_FAILED');
  });

  it.each([
    ['tasks', {}, /reason must be/],
    ['resources', { match: {}, reason: 'x' }, /match must name/],
    ['resources', { match: { type: 'AWS::ECS::Service' }, reason: 'x', operation: 'EXPLODE' }, /operation must be/],
    ['amp-create', { count: 0 }, /count must be/],
  ])('refuses a malformed %s failure with a message', async (path, body, message) => {
    const res = await admin('PUT', path, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });
});
