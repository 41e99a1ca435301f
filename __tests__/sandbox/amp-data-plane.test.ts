import { AmpClient, CreateWorkspaceCommand, DeleteWorkspaceCommand, DescribeWorkspaceCommand } from '@aws-sdk/client-amp';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { IamRole } from '../../sandbox/src/core/types';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { ACCOUNT_ID } from '../../sandbox/src/models/iam';
import { watchedCommand } from '../../sandbox/src/prometheus/pool';
import { encodeWriteRequest, REMOTE_WRITE_HEADERS, RemoteWriteSeries } from '../../sandbox/src/prometheus/remote-write';
import { clientConfig, FAST, REGION, waitFor } from './support';

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

let sandbox: Sandbox;
let amp: AmpClient;
beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
  amp = new AmpClient(clientConfig(sandbox));
});
afterAll(() => sandbox?.close());

/** A request to the sandbox's AMP data plane, SigV4-signed for `service` as a client of aps-workspaces signs it. */
async function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer | string; keys?: Keys | null; service?: string; on?: Sandbox } = {}) {
  const target = new URL(path, (init.on ?? sandbox).url);
  const method = init.method ?? 'GET';
  const body = typeof init.body === 'string' ? Buffer.from(init.body) : init.body;
  let headers: Record<string, string> = { ...init.headers };
  if (init.keys !== null) {
    const signer = new SignatureV4({ credentials: init.keys ?? STATIC_CREDENTIALS, region: REGION, service: init.service ?? 'aps', sha256: Sha256 });
    const signed = await signer.sign(new HttpRequest({
      method, protocol: 'http:', hostname: target.hostname, port: Number(target.port), path: target.pathname,
      query: Object.fromEntries(target.searchParams), headers: { ...headers, host: target.host }, body,
    }));
    headers = Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== 'host'));
  }
  const res = await fetch(target, { method, headers, body: body ? new Uint8Array(body) : undefined });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

const remoteWrite = (workspaceId: string, series: RemoteWriteSeries[], opts: { keys?: Keys | null; headers?: Record<string, string> } = {}) =>
  send(`/workspaces/${workspaceId}/api/v1/remote_write`, { method: 'POST', headers: opts.headers ?? { ...REMOTE_WRITE_HEADERS }, body: encodeWriteRequest(series), keys: opts.keys });

const query = async (workspaceId: string, promql: string, keys?: Keys) => {
  const r = await send(`/workspaces/${workspaceId}/api/v1/query?query=${encodeURIComponent(promql)}`, { keys });
  return { ...r, json: JSON.parse(r.text) as { status: string; data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } } };
};

/** What the workspace's backing Prometheus itself holds: no SigV4, no AMP in between. */
async function backing(workspaceId: string, promql: string) {
  const base = await sandbox.prometheus.urlFor(workspaceId);
  const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(promql)}`);
  return ((await res.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } }).data.result;
}

async function activeWorkspace(on: Sandbox = sandbox): Promise<string> {
  const client = on === sandbox ? amp : new AmpClient(clientConfig(on));
  const { workspaceId } = await client.send(new CreateWorkspaceCommand({ alias: 'data-plane' }));
  await waitFor(async () => ((await client.send(new DescribeWorkspaceCommand({ workspaceId }))).workspace!.status!.statusCode === 'ACTIVE' ? true : undefined));
  return workspaceId!;
}

let roles = 0;
function sessionWith(actions: string[]): { keys: Keys; arn: string } {
  const roleName = `data-plane-${++roles}`;
  const role: IamRole = {
    roleName, arn: `arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`, roleId: `AROADATAPLANE${roles}`, path: '/', assumeRolePolicyDocument: {},
    policies: { p: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } }, managedPolicyArns: [], tags: {}, createdAt: new Date(),
  };
  sandbox.iam.roles.set(roleName, role);
  const arn = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${roleName}/test`;
  const c = sandbox.credentials.issueSession({ arn, userId: `${role.roleId}:test`, accountId: ACCOUNT_ID }, 3600);
  return { arn, keys: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken } };
}

/** Processes whose command line names `needle` (read from /proc, so nothing the pool says about itself). */
function processesWith(needle: string): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

const alive = (pid: number) => {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

describe('AMP data plane', () => {
  it('stores a signed remote write in the real Prometheus and answers signed queries from it', async () => {
    const ws = await activeWorkspace();
    const now = Date.now();
    const written = await remoteWrite(ws, [
      { labels: { __name__: 'ecs_task_cpu_utilized', aws_ecs_task_id: 't1', job: 'adot' }, samples: [{ value: 100, timestampMs: now - 2000 }, { value: 120, timestampMs: now - 1000 }] },
      { labels: { __name__: 'ecs_task_cpu_utilized', aws_ecs_task_id: 't2', job: 'adot' }, samples: [{ value: 64, timestampMs: now - 1000 }] },
      { labels: { __name__: 'up', job: 'app' }, samples: [{ value: 1, timestampMs: now - 1000 }] },
    ]);
    expect(written).toMatchObject({ status: 200, text: '' });

    const cpu = await query(ws, 'sum by (aws_ecs_task_id) (ecs_task_cpu_utilized)');
    expect(cpu.status).toBe(200);
    expect(cpu.json.data.result.map((r) => [r.metric.aws_ecs_task_id, r.value[1]]).sort()).toEqual([['t1', '120'], ['t2', '64']]);
    expect(await backing(ws, 'up')).toEqual([{ metric: { __name__: 'up', job: 'app' }, value: [expect.any(Number), '1'] }]);

    // The same API as AMP serves it: POST forms, ranges, series, labels and label values.
    const posted = await send(`/workspaces/${ws}/api/v1/query`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent('count(ecs_task_cpu_utilized)')}` });
    expect(JSON.parse(posted.text).data.result[0].value[1]).toBe('2');
    const range = JSON.parse((await send(`/workspaces/${ws}/api/v1/query_range?query=up&start=${(now - 60_000) / 1000}&end=${now / 1000}&step=15`)).text);
    expect(range.data.resultType).toBe('matrix');
    expect(range.data.result[0].values.length).toBeGreaterThan(0);
    const series = JSON.parse((await send(`/workspaces/${ws}/api/v1/series?${new URLSearchParams({ 'match[]': 'ecs_task_cpu_utilized' })}`)).text);
    expect(series.data.map((s: Record<string, string>) => s.aws_ecs_task_id).sort()).toEqual(['t1', 't2']);
    expect(JSON.parse((await send(`/workspaces/${ws}/api/v1/labels`)).text).data).toEqual(['__name__', 'aws_ecs_task_id', 'job']);
    expect(JSON.parse((await send(`/workspaces/${ws}/api/v1/label/job/values`)).text).data).toEqual(['adot', 'app']);

    // Each data-plane call was asked of IAM with its own action on the workspace's ARN.
    const asked = sandbox.authorizations.filter((a) => a.resource.endsWith(`workspace/${ws}`) && a.action !== 'aps:DescribeWorkspace').map((a) => a.action);
    expect(new Set(asked)).toEqual(new Set(['aps:RemoteWrite', 'aps:QueryMetrics', 'aps:GetSeries', 'aps:GetLabels']));
  });

  it('answers an empty workspace like an empty Prometheus, and an unknown one with AMP\'s 404', async () => {
    const ws = await activeWorkspace();
    const empty = await query(ws, 'up');
    expect(empty).toMatchObject({ status: 200, json: { status: 'success', data: { resultType: 'vector', result: [] } } });
    const unknown = await query('ws-00000000-0000-0000-0000-000000000000', 'up');
    expect({ status: unknown.status, body: unknown.json }).toEqual({ status: 404, body: { Message: 'Workspace not found' } });
  });

  it('refuses a principal without aps:RemoteWrite with AMP\'s 403, and stores nothing', async () => {
    const ws = await activeWorkspace();
    const reader = sessionWith(['aps:QueryMetrics']);
    const denied = await remoteWrite(ws, [{ labels: { __name__: 'should_not_exist' }, samples: [{ value: 1, timestampMs: Date.now() }] }], { keys: reader.keys });
    expect(denied.status).toBe(403);
    expect(JSON.parse(denied.text)).toEqual({
      Message: `User: ${reader.arn} is not authorized to perform: aps:RemoteWrite on resource: arn:aws:aps:${REGION}:${ACCOUNT_ID}:workspace/${ws} because no identity-based policy allows the aps:RemoteWrite action`,
    });
    expect(await backing(ws, 'should_not_exist')).toEqual([]);
    // The same principal may query: its policy says so.
    expect((await query(ws, 'should_not_exist', reader.keys)).status).toBe(200);
    const writer = sessionWith(['aps:RemoteWrite']);
    expect((await query(ws, 'up', writer.keys)).status).toBe(403);
  });

  it('refuses unsigned, wrongly scoped and wrongly encoded writes before they reach Prometheus', async () => {
    const ws = await activeWorkspace();
    const sample = [{ labels: { __name__: 'refused_metric' }, samples: [{ value: 1, timestampMs: Date.now() }] }];
    const unsigned = await remoteWrite(ws, sample, { keys: null });
    expect({ status: unsigned.status, body: JSON.parse(unsigned.text) }).toEqual({ status: 403, body: { message: 'Missing Authentication Token' } });
    const otherService = await send(`/workspaces/${ws}/api/v1/remote_write`, { method: 'POST', headers: { ...REMOTE_WRITE_HEADERS }, body: encodeWriteRequest(sample), service: 'grafana' });
    expect(otherService.status).toBe(403);
    const plain = await remoteWrite(ws, sample, { headers: { 'content-type': 'application/json' } });
    expect(plain.status).toBe(400);
    // A body that is no snappy block: Prometheus's own refusal, passed through.
    const garbage = await send(`/workspaces/${ws}/api/v1/remote_write`, { method: 'POST', headers: { ...REMOTE_WRITE_HEADERS }, body: Buffer.from('not snappy at all') });
    expect(garbage.status).toBe(400);
    expect(garbage.text).toMatch(/snappy/);
    expect(await backing(ws, 'refused_metric')).toEqual([]);
    expect(sandbox.log.filter((e) => e.operation === 'RemoteWrite' && e.status >= 400).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps each workspace\'s samples to itself', async () => {
    const [a, b] = [await activeWorkspace(), await activeWorkspace()];
    expect((await remoteWrite(a, [{ labels: { __name__: 'only_in_a' }, samples: [{ value: 7, timestampMs: Date.now() }] }])).status).toBe(200);
    expect((await query(a, 'only_in_a')).json.data.result).toHaveLength(1);
    expect((await query(b, 'only_in_a')).json.data.result).toEqual([]);
    expect(await backing(b, 'only_in_a')).toEqual([]);
    expect(await sandbox.prometheus.urlFor(a)).not.toBe(await sandbox.prometheus.urlFor(b));
  });

  it('stops a deleted workspace\'s Prometheus', async () => {
    const ws = await activeWorkspace();
    await remoteWrite(ws, [{ labels: { __name__: 'soon_gone' }, samples: [{ value: 1, timestampMs: Date.now() }] }]);
    const { pid } = await sandbox.prometheus.serverFor(ws);
    await amp.send(new DeleteWorkspaceCommand({ workspaceId: ws }));
    sandbox.amp.settle(ws);
    await expect(amp.send(new DescribeWorkspaceCommand({ workspaceId: ws }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(sandbox.prometheus.has(ws)).toBe(false);
    await waitFor(async () => (alive(pid) ? undefined : true), 15_000);
  });
});

describe('Prometheus processes', () => {
  it('none is left once the sandbox is closed', async () => {
    const own = await startSandbox({ latencies: FAST });
    let dirs: string[];
    try {
      const ws = [await activeWorkspace(own), await activeWorkspace(own)];
      const servers = await Promise.all(ws.map((id) => own.prometheus.serverFor(id)));
      dirs = servers.map((s) => s.dir);
      for (const s of servers) expect(processesWith(s.dir).filter(alive)).toEqual([s.pid]);
    } finally {
      await own.close();
    }
    for (const dir of dirs) {
      expect(processesWith(dir).filter(alive)).toEqual([]);
      expect(existsSync(dir)).toBe(false);
    }
  });

  it('a server dies with the process that started it, even when that process is killed outright', async () => {
    // A stand-in for the server, started the pool's way by a parent that is then SIGKILLed (as a Jest worker may be).
    const marker = `sandbox-watchdog-${process.pid}-${Date.now()}`;
    const [command, args] = watchedCommand(process.execPath, ['-e', 'setInterval(() => {}, 1000)', marker]);
    const parent = spawn(process.execPath, ['-e', `
      const c = require('node:child_process').spawn(${JSON.stringify(command)}, ${JSON.stringify(args)}, { stdio: 'ignore' });
      c.on('spawn', () => console.log(c.pid));
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const childPid = await new Promise<number>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    await waitFor(async () => (processesWith(marker).includes(childPid) ? true : undefined), 5000);
    parent.kill('SIGKILL');
    await waitFor(async () => (processesWith(marker).filter(alive).length === 0 ? true : undefined), 5000);
  });
});
