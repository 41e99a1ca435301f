import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { AmpClient, ListWorkspacesCommand } from '@aws-sdk/client-amp';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createHash } from 'node:crypto';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { GITHUB_ROLE_ARN } from '../../sandbox/src/models/iam';
import { clientConfig, FAST, REGION } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
});
afterAll(() => sandbox.close());

interface RawRequest {
  service: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  signingDate?: Date;
  /** Changes the request after signing, as a tampering proxy would. */
  tamper?: (r: { path: string; headers: Record<string, string>; body?: string }) => void;
}

/** Signs a request with the SDK's own signer, then sends it with fetch. */
async function send(raw: RawRequest) {
  const host = new URL(sandbox.url).host;
  const signer = new SignatureV4({ credentials: raw.credentials ?? STATIC_CREDENTIALS, region: raw.region ?? REGION, service: raw.service, sha256: Sha256 });
  const [path, search] = raw.path.split('?');
  const signed = await signer.sign(new HttpRequest({
    method: raw.method, protocol: 'http:', hostname: host.split(':')[0], port: Number(host.split(':')[1]), path,
    query: Object.fromEntries(new URLSearchParams(search ?? '')), headers: { host, ...raw.headers }, body: raw.body,
  }), { signingDate: raw.signingDate });
  const out = { path: raw.path, headers: { ...signed.headers } as Record<string, string>, body: raw.body };
  raw.tamper?.(out);
  delete out.headers.host;
  const res = await fetch(`${sandbox.url}${out.path}`, { method: raw.method, headers: out.headers, body: out.body });
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), text: await res.text() };
}

const stsForm = (action: string) => `Action=${action}&Version=2011-06-15`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('requests without a signature', () => {
  it('are rejected by restJson services with MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${sandbox.url}/workspaces`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });

  it('are rejected by query services, except AssumeRoleWithWebIdentity', async () => {
    const res = await fetch(sandbox.url, { method: 'POST', headers: FORM, body: stsForm('GetCallerIdentity') });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
    // The unsigned web-identity call is accepted as such, and then fails on its own merits.
    const awi = await fetch(sandbox.url, { method: 'POST', headers: FORM, body: `${stsForm('AssumeRoleWithWebIdentity')}&RoleArn=${GITHUB_ROLE_ARN}&RoleSessionName=s1&WebIdentityToken=a.b.c` });
    expect(awi.status).toBe(400);
    expect(await awi.text()).toMatch(/<Code>InvalidIdentityToken<\/Code>/);
  });
});

describe('signature verification', () => {
  it('accepts what the SDK signs', async () => {
    await expect(new AmpClient(clientConfig(sandbox)).send(new ListWorkspacesCommand({}))).resolves.toBeDefined();
    expect((await send({ service: 'aps', method: 'GET', path: '/workspaces' })).status).toBe(200);
  });

  it('rejects a wrong secret (restJson InvalidSignatureException, query SignatureDoesNotMatch)', async () => {
    const wrong = { ...STATIC_CREDENTIALS, secretAccessKey: 'not-the-secret-not-the-secret-not-the-se' };
    await expect(new AmpClient(clientConfig(sandbox, { credentials: wrong })).send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
    await expect(new STSClient(clientConfig(sandbox, { credentials: wrong })).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
  });

  it('rejects an unknown access key', async () => {
    const unknown = { accessKeyId: 'AKIAUNKNOWNUNKNOWN01', secretAccessKey: 'x'.repeat(40) };
    await expect(new AmpClient(clientConfig(sandbox, { credentials: unknown })).send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    await expect(new STSClient(clientConfig(sandbox, { credentials: unknown })).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('rejects a body swapped under a valid signature', async () => {
    const body = JSON.stringify({ alias: 'honest' });
    const res = await send({
      service: 'aps', method: 'POST', path: '/workspaces', body, headers: { 'content-type': 'application/json', 'x-amz-content-sha256': sha256(body) },
      tamper: (r) => { r.body = JSON.stringify({ alias: 'forged' }); },
    });
    expect(res).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
    expect(res.text).toMatch(/x-amz-content-sha256/);
    expect(sandbox.amp.workspaces.size).toBe(0);
    // Without the payload hash header the signer hashes the body itself; a swap breaks the signature.
    const res2 = await send({ service: 'aps', method: 'POST', path: '/workspaces', body, headers: { 'content-type': 'application/json' }, tamper: (r) => { r.body = '{"alias":"forged"}'; } });
    expect(res2).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
  });

  it('rejects a changed signed header, path or query string', async () => {
    const header = await send({ service: 'aps', method: 'GET', path: '/workspaces', headers: { 'x-custom': 'a' }, tamper: (r) => { r.headers['x-custom'] = 'b'; } });
    expect(header.errorType).toBe('InvalidSignatureException');
    const path = await send({ service: 'aps', method: 'GET', path: '/workspaces/ws-1', tamper: (r) => { r.path = '/workspaces/ws-2'; } });
    expect(path.errorType).toBe('InvalidSignatureException');
    const query = await send({ service: 'aps', method: 'GET', path: '/workspaces?maxResults=5', tamper: (r) => { r.path = '/workspaces?maxResults=6'; } });
    expect(query.errorType).toBe('InvalidSignatureException');
    expect((await send({ service: 'aps', method: 'GET', path: '/workspaces?maxResults=5' })).status).toBe(200);
  });

  it('rejects a clock skew over 15 minutes', async () => {
    const res = await send({ service: 'aps', method: 'GET', path: '/workspaces', signingDate: new Date(Date.now() - 16 * 60_000) });
    expect(res).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
    expect(res.text).toMatch(/Signature expired/);
    const ok = await send({ service: 'aps', method: 'GET', path: '/workspaces', signingDate: new Date(Date.now() - 10 * 60_000) });
    expect(ok.status).toBe(200);
  });

  it('rejects a credential scope for a region that does not exist', async () => {
    const res = await send({ service: 'aps', method: 'GET', path: '/workspaces', region: 'mars-1' });
    expect(res).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
  });

  it('rejects a signature that does not cover host', async () => {
    const res = await send({
      service: 'aps', method: 'GET', path: '/workspaces',
      tamper: (r) => { r.headers.authorization = r.headers.authorization.replace(/SignedHeaders=host;/, 'SignedHeaders='); },
    });
    expect(res).toMatchObject({ status: 403, errorType: 'IncompleteSignatureException' });
  });

  it('routes by the credential scope: an aps request signed for grafana is a grafana request', async () => {
    const res = await send({ service: 'grafana', method: 'GET', path: '/workspaces' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ workspaces: [] });
    expect(sandbox.log.at(-1)).toMatchObject({ service: 'grafana', operation: 'ListWorkspaces' });
  });
});

describe('session credentials', () => {
  async function session() {
    const jwt = sandbox.oidc.mint(sandbox.oidc.grant('acme/shop'), 'sts.amazonaws.com')!;
    const out = await new STSClient({ region: REGION, endpoint: sandbox.url, maxAttempts: 1 })
      .send(new AssumeRoleWithWebIdentityCommand({ RoleArn: GITHUB_ROLE_ARN, RoleSessionName: 'sigv4-test', WebIdentityToken: jwt }));
    const c = out.Credentials!;
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  }

  it('need their session token', async () => {
    const creds = await session();
    const withoutToken = { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey };
    await expect(new AmpClient(clientConfig(sandbox, { credentials: withoutToken })).send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    await expect(new AmpClient(clientConfig(sandbox, { credentials: { ...creds, sessionToken: 'IQoJforged' } })).send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    await expect(new AmpClient(clientConfig(sandbox, { credentials: creds })).send(new ListWorkspacesCommand({}))).resolves.toBeDefined();
  });

  it('stop working when they expire', async () => {
    const creds = await session();
    sandbox.credentials.expire(creds.accessKeyId);
    await expect(new AmpClient(clientConfig(sandbox, { credentials: creds })).send(new ListWorkspacesCommand({}))).rejects.toMatchObject({ name: 'ExpiredTokenException' });
    await expect(new STSClient(clientConfig(sandbox, { credentials: creds })).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
  });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
