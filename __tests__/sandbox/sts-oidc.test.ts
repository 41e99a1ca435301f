import { AmpClient, ListWorkspacesCommand } from '@aws-sdk/client-amp';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { GITHUB_ROLE_ARN, OIDC_ISSUER_HOST } from '../../sandbox/src/models/iam';
import { OIDC_ISSUER } from '../../sandbox/src/models/oidc';
import { FAST, REGION } from './support';

let sandbox: Sandbox;
let sts: STSClient;
beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST, repositories: ['acme/shop'] });
  // No credentials at all: AssumeRoleWithWebIdentity is the SDK's one unsigned call.
  sts = new STSClient({ region: REGION, endpoint: sandbox.url, maxAttempts: 1 });
});
afterAll(() => sandbox.close());

/** What @actions/core's getIDToken does: GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=<aud> with the bearer request token. */
async function getIDToken(requestToken: string, audience = 'sts.amazonaws.com') {
  const res = await fetch(`${sandbox.oidcRequestUrl}&audience=${encodeURIComponent(audience)}`, { headers: { authorization: `Bearer ${requestToken}` } });
  return { status: res.status, body: (await res.json()) as { value?: string } };
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
const assume = (token: string, extra: Record<string, unknown> = {}) =>
  sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: GITHUB_ROLE_ARN, RoleSessionName: 'pr-7', WebIdentityToken: token, ...extra }));

describe('GitHub OIDC token endpoint', () => {
  it('mints an RS256 JWT with GitHub claims for a valid request token', async () => {
    const { status, body } = await getIDToken(sandbox.oidc.grant('acme/shop'));
    expect(status).toBe(200);
    const [header] = body.value!.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const claims = claimsOf(body.value!);
    expect(claims).toMatchObject({ iss: OIDC_ISSUER, sub: 'repo:acme/shop:pull_request', aud: 'sts.amazonaws.com', repository: 'acme/shop' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
  });

  it('answers 401 for an unknown request token and logs it', async () => {
    const { status } = await getIDToken('ghrt_forged');
    expect(status).toBe(401);
    expect(sandbox.log.at(-1)).toMatchObject({ service: 'oidc', status: 401 });
  });
});

describe('AssumeRoleWithWebIdentity', () => {
  it('turns the token into session credentials that sign later calls', async () => {
    const { body } = await getIDToken(sandbox.oidc.grant('acme/shop'));
    const out = await assume(body.value!, { DurationSeconds: 900 });
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(c.Expiration!.getTime() - Date.now()).toBeGreaterThan(890_000);
    expect(out).toMatchObject({
      SubjectFromWebIdentityToken: 'repo:acme/shop:pull_request', Audience: 'sts.amazonaws.com', Provider: OIDC_ISSUER,
      AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/github-actions-preview/pr-7', AssumedRoleId: expect.stringMatching(/^AROA\w+:pr-7$/) },
    });
    const credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    const me = await new STSClient({ region: REGION, endpoint: sandbox.url, credentials, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Arn: out.AssumedRoleUser!.Arn, Account: '123456789012', UserId: out.AssumedRoleUser!.AssumedRoleId });
    await expect(new AmpClient({ region: REGION, endpoint: sandbox.url, credentials, maxAttempts: 1 }).send(new ListWorkspacesCommand({}))).resolves.toBeDefined();
    expect(sandbox.log.filter((e) => e.operation === 'AssumeRoleWithWebIdentity').at(-1)).toMatchObject({ service: 'sts', mutating: true, status: 200, accessKeyId: undefined });
  });

  it('refuses an audience the provider is not registered for: InvalidIdentityToken "Incorrect token audience"', async () => {
    const { body } = await getIDToken(sandbox.oidc.grant('acme/shop'), 'https://github.com/acme');
    await expect(assume(body.value!)).rejects.toMatchObject({ name: 'InvalidIdentityTokenException', message: 'Incorrect token audience', $metadata: { httpStatusCode: 400 } });
  });

  it('refuses a repository the trust policy does not name, and an unknown role: AccessDenied', async () => {
    const { body } = await getIDToken(sandbox.oidc.grant('evil/fork'));
    await expect(assume(body.value!)).rejects.toMatchObject({ name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', $metadata: { httpStatusCode: 403 } });
    const good = (await getIDToken(sandbox.oidc.grant('acme/shop'))).body.value!;
    await expect(assume(good, { RoleArn: 'arn:aws:iam::123456789012:role/does-not-exist' })).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('refuses expired, forged and foreign tokens', async () => {
    const now = Math.floor(Date.now() / 1000);
    const base = { iss: OIDC_ISSUER, sub: 'repo:acme/shop:pull_request', aud: 'sts.amazonaws.com', iat: now - 600 };
    await expect(assume(sandbox.oidc.sign({ ...base, exp: now - 10 }))).rejects.toMatchObject({ name: 'ExpiredTokenException' });
    const valid = sandbox.oidc.sign({ ...base, exp: now + 300 });
    const [h, , s] = valid.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...base, sub: 'repo:acme/shop:ref:refs/heads/main', exp: now + 300 })).toString('base64url')}.${s}`;
    await expect(assume(tampered)).rejects.toMatchObject({ name: 'InvalidIdentityTokenException' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${valid.split('.')[1]}.`;
    await expect(assume(unsigned)).rejects.toMatchObject({ name: 'InvalidIdentityTokenException' });
    await expect(assume(sandbox.oidc.sign({ ...base, iss: 'https://accounts.example.com', exp: now + 300 }))).rejects.toMatchObject({ name: 'InvalidIdentityTokenException', message: expect.stringContaining('No OpenIDConnect provider') });
    await expect(assume('not-a-jwt')).rejects.toMatchObject({ name: 'InvalidIdentityTokenException' });
  });

  it('validates the session name and duration, capped by the role maximum', async () => {
    const token = () => getIDToken(sandbox.oidc.grant('acme/shop')).then((r) => r.body.value!);
    await expect(assume(await token(), { RoleSessionName: 'has space' })).rejects.toMatchObject({ name: 'ValidationError', $metadata: { httpStatusCode: 400 } });
    await expect(assume(await token(), { RoleSessionName: 'x' })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(assume(await token(), { DurationSeconds: 899 })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(assume(await token(), { DurationSeconds: 7200 })).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringContaining('MaxSessionDuration') });
    sandbox.iam.roles.get('github-actions-preview')!.maxSessionDuration = 7200;
    try {
      await expect(assume(await token(), { DurationSeconds: 7200 })).resolves.toBeDefined();
    } finally {
      sandbox.iam.roles.get('github-actions-preview')!.maxSessionDuration = 3600;
    }
  });

  it('evaluates the trust condition on sub with StringLike and honours an explicit Deny', async () => {
    const role = sandbox.iam.roles.get('github-actions-preview')!;
    const original = role.assumeRolePolicyDocument;
    const doc = original as { Statement: Record<string, unknown>[] };
    role.assumeRolePolicyDocument = {
      ...doc,
      Statement: [...doc.Statement, {
        Effect: 'Deny', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${OIDC_ISSUER_HOST}` }, Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { [`${OIDC_ISSUER_HOST}:sub`]: 'repo:acme/shop:environment:*' } },
      }],
    };
    try {
      const denied = (await getIDToken(sandbox.oidc.grant('acme/shop', 'pull_request', 'repo:acme/shop:environment:prod'))).body.value!;
      await expect(assume(denied)).rejects.toMatchObject({ name: 'AccessDenied' });
      const allowed = (await getIDToken(sandbox.oidc.grant('acme/shop'))).body.value!;
      await expect(assume(allowed)).resolves.toBeDefined();
    } finally {
      role.assumeRolePolicyDocument = original;
    }
  });
});
