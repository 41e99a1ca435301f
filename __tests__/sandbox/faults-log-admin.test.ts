import { AmpClient, CreateWorkspaceCommand, DescribeWorkspaceCommand, ListWorkspacesCommand } from '@aws-sdk/client-amp';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { clientConfig, FAST } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST, seed: 7 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.setFaults({ throttleRate: 0, serverErrorRate: 0, latencyMs: 0, services: [], deny: [] });
  sandbox.clearLog();
});

describe('injected faults', () => {
  it('throttleRate 1: the SDK surfaces ThrottlingException (429) and no state changes', async () => {
    const amp = new AmpClient(clientConfig(sandbox));
    const before = JSON.stringify(sandbox.state());
    sandbox.setFaults({ throttleRate: 1 });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'throttled' }))).rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
    expect(JSON.stringify(sandbox.state())).toBe(before);
    expect(sandbox.log.at(-1)).toMatchObject({ service: 'aps', operation: 'CreateWorkspace', mutating: true, status: 429, errorCode: 'ThrottlingException', injected: 'throttle' });
  });

  it('query services throttle with Throttling (400) and fail with ServiceUnavailable (503)', async () => {
    const sts = new STSClient(clientConfig(sandbox));
    sandbox.setFaults({ throttleRate: 1 });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'Throttling', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
    sandbox.setFaults({ throttleRate: 0, serverErrorRate: 1 });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 503 }, name: 'ServiceUnavailable' });
  });

  it('serverErrorRate 1: restJson InternalServerException (500); the SDK retries it when allowed', async () => {
    sandbox.setFaults({ serverErrorRate: 1 });
    await expect(new AmpClient(clientConfig(sandbox)).send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'InternalServerException', $metadata: { httpStatusCode: 500 } });
    sandbox.clearLog();
    await expect(new AmpClient(clientConfig(sandbox, { maxAttempts: 2 })).send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'InternalServerException' });
    expect(sandbox.log.filter((e) => e.injected === 'server-error')).toHaveLength(2);
  });

  it('apply only to the listed services', async () => {
    sandbox.setFaults({ throttleRate: 1, services: ['grafana'] });
    await expect(new AmpClient(clientConfig(sandbox)).send(new ListWorkspacesCommand({}))).resolves.toBeDefined();
  });

  it('deny the listed operations with AccessDenied, every time and only those', async () => {
    sandbox.setFaults({ deny: ['ListWorkspaces'] });
    const amp = new AmpClient({ ...clientConfig(sandbox), maxAttempts: 3 });
    await expect(amp.send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403, attempts: 1 } });
    expect(sandbox.log.filter((e) => e.injected === 'denied').map((e) => e.operation)).toEqual(['ListWorkspaces']);
    sandbox.setFaults({ deny: [] });
    await expect(amp.send(new ListWorkspacesCommand({}))).resolves.toBeDefined();
  });

  it('are reproducible for a seed', async () => {
    const pattern = async (seed: number) => {
      const s = await startSandbox({ seed, faults: { throttleRate: 0.5 } });
      const amp = new AmpClient(clientConfig(s));
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) outcomes.push(await amp.send(new ListWorkspacesCommand({})).then(() => 'ok', (e: Error) => e.name));
      await s.close();
      return outcomes.join(',');
    };
    const a = await pattern(1234);
    expect(await pattern(1234)).toBe(a);
    expect(a).toMatch(/ok/);
    expect(a).toMatch(/ThrottlingException/);
  });

  it('add latency', async () => {
    sandbox.setFaults({ latencyMs: 120 });
    const started = Date.now();
    await new AmpClient(clientConfig(sandbox)).send(new ListWorkspacesCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('are checked', () => {
    expect(() => sandbox.setFaults({ throttleRate: 2 })).toThrow(/0 to 1/);
    expect(() => sandbox.setFaults({ throttleRate: 0.6, serverErrorRate: 0.6 })).toThrow(/exceed 1/);
  });
});

describe('request log', () => {
  it('records every AWS request with its model operation name, mutating flag, status and key', async () => {
    const amp = new AmpClient(clientConfig(sandbox));
    const { workspaceId } = await amp.send(new CreateWorkspaceCommand({ alias: 'logged' }));
    await amp.send(new DescribeWorkspaceCommand({ workspaceId }));
    await amp.send(new ListWorkspacesCommand({}));
    await amp.send(new DescribeWorkspaceCommand({ workspaceId: 'ws-nope' })).catch(() => undefined);
    expect(sandbox.log.map(({ service, operation, mutating, status, errorCode, accessKeyId }) => ({ service, operation, mutating, status, errorCode, accessKeyId }))).toEqual([
      { service: 'aps', operation: 'CreateWorkspace', mutating: true, status: 202, errorCode: undefined, accessKeyId: STATIC_CREDENTIALS.accessKeyId },
      { service: 'aps', operation: 'DescribeWorkspace', mutating: false, status: 200, errorCode: undefined, accessKeyId: STATIC_CREDENTIALS.accessKeyId },
      { service: 'aps', operation: 'ListWorkspaces', mutating: false, status: 200, errorCode: undefined, accessKeyId: STATIC_CREDENTIALS.accessKeyId },
      { service: 'aps', operation: 'DescribeWorkspace', mutating: false, status: 404, errorCode: 'ResourceNotFoundException', accessKeyId: STATIC_CREDENTIALS.accessKeyId },
    ]);
    expect(sandbox.log[0].userAgent).toMatch(/aws-sdk-js/);
    expect(sandbox.log.map((e) => e.seq)).toEqual([...sandbox.log.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('records requests that fail before the model: unsigned, unknown routes', async () => {
    await fetch(`${sandbox.url}/workspaces`);
    await fetch(`${sandbox.url}/nowhere`, { method: 'POST' });
    const signedNowhere = new AmpClient(clientConfig(sandbox));
    signedNowhere.middlewareStack.add((next) => async (args) => {
      (args.request as { path: string }).path = '/nowhere';
      return next(args);
    }, { step: 'build' });
    await expect(signedNowhere.send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect(sandbox.log.map(({ operation, status, errorCode }) => ({ operation, status, errorCode }))).toEqual([
      { operation: 'ListWorkspaces', status: 403, errorCode: 'MissingAuthenticationTokenException' },
      // Authentication is judged before routing, as AWS does.
      { operation: 'Unknown', status: 403, errorCode: 'MissingAuthenticationTokenException' },
      { operation: 'Unknown', status: 404, errorCode: 'UnknownOperationException' },
    ]);
  });
});

describe('admin HTTP API (/_sandbox/)', () => {
  it('reads and clears the log, sets faults, and summarises state', async () => {
    await new AmpClient(clientConfig(sandbox)).send(new CreateWorkspaceCommand({ alias: 'admin-visible' }));
    const log = (await (await fetch(`${sandbox.url}/_sandbox/log`)).json()) as { operation: string }[];
    expect(log.map((e) => e.operation)).toEqual(['CreateWorkspace']);
    expect((await fetch(`${sandbox.url}/_sandbox/log`, { method: 'DELETE' })).status).toBe(200);
    expect(sandbox.log).toEqual([]);

    const put = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify({ throttleRate: 0.25, services: ['aps'] }) });
    expect(await put.json()).toEqual({ throttleRate: 0.25, serverErrorRate: 0, latencyMs: 0, services: ['aps'], deny: [] });
    expect(sandbox.faults().throttleRate).toBe(0.25);
    expect((await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', body: '{"throttleRate":"lots"}' })).status).toBe(400);
    expect((await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', body: '{"surprise":1}' })).status).toBe(400);
    expect((await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', body: 'not json' })).status).toBe(400);

    const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as { ampWorkspaces: { alias: string }[]; roles: { arn: string }[]; stacks: unknown; comments: unknown[] };
    expect(state.ampWorkspaces.map((w) => w.alias)).toContain('admin-visible');
    expect(state.roles.map((r) => r.arn)).toContain('arn:aws:iam::123456789012:role/github-actions-preview');
    expect(state).toHaveProperty('stacks');
    expect(state.comments).toEqual([]);
    expect((await fetch(`${sandbox.url}/_sandbox/nothing`)).status).toBe(404);
  });
});
