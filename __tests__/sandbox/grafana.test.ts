import {
  CreateWorkspaceCommand, CreateWorkspaceServiceAccountCommand, CreateWorkspaceServiceAccountTokenCommand, DeleteWorkspaceCommand,
  DeleteWorkspaceServiceAccountTokenCommand, DescribeWorkspaceCommand, GrafanaClient, ListPermissionsCommand,
  ListTagsForResourceCommand, ListWorkspaceServiceAccountsCommand, ListWorkspaceServiceAccountTokensCommand, ListWorkspacesCommand,
  TagResourceCommand, UpdatePermissionsCommand,
} from '@aws-sdk/client-grafana';
import { IamRole } from '../../sandbox/src/core/types';
import { DEFAULT_SSO_DIRECTORY, Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { clientConfig, FAST, waitFor } from './support';

let sandbox: Sandbox;
let grafana: GrafanaClient;
const [KNOWN_USER, KNOWN_GROUP] = DEFAULT_SSO_DIRECTORY;
const UNKNOWN_USER = '00000000-0000-0000-0000-000000000000';

function addRole(name: string, trustedService: string): string {
  const arn = `arn:aws:iam::123456789012:role/${name}`;
  const role: IamRole = {
    roleName: name, arn, roleId: `AROA${name.toUpperCase()}`, path: '/', policies: {}, managedPolicyArns: [], tags: {}, createdAt: new Date(),
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: trustedService }, Action: 'sts:AssumeRole' }] },
  };
  sandbox.iam.roles.set(name, role);
  return arn;
}

let roleArn: string;
const base = () => ({ accountAccessType: 'CURRENT_ACCOUNT' as const, authenticationProviders: ['AWS_SSO' as const], permissionType: 'CUSTOMER_MANAGED' as const, workspaceRoleArn: roleArn });

async function activeWorkspace(name: string): Promise<string> {
  const ws = (await grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: name }))).workspace!;
  await waitFor(async () => ((await grafana.send(new DescribeWorkspaceCommand({ workspaceId: ws.id }))).workspace!.status === 'ACTIVE' ? true : undefined));
  return ws.id!;
}

beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
  grafana = new GrafanaClient(clientConfig(sandbox));
  roleArn = addRole('grafana-workspace', 'grafana.amazonaws.com');
});
afterAll(() => sandbox.close());
afterEach(() => {
  // Keep under the per-region quota: each test cleans up what it made.
  for (const ws of sandbox.grafana.workspaces.values()) sandbox.grafana.workspaces.delete(ws.id);
});

describe('AMG CreateWorkspace', () => {
  it('refuses a role that does not exist, naming it', async () => {
    const missing = 'arn:aws:iam::123456789012:role/nope';
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceRoleArn: missing }))).rejects.toMatchObject({
      name: 'ValidationException', $metadata: { httpStatusCode: 400 }, message: expect.stringContaining(missing),
    });
    expect(sandbox.grafana.workspaces.size).toBe(0);
  });

  it('refuses a role that grafana.amazonaws.com may not assume', async () => {
    const ecsRole = addRole('ecs-only', 'ecs-tasks.amazonaws.com');
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceRoleArn: ecsRole }))).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('ecs-only') });
  });

  it('refuses SERVICE_MANAGED as console-only, and CUSTOMER_MANAGED without a role', async () => {
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), permissionType: 'SERVICE_MANAGED' }))).rejects.toMatchObject({
      name: 'ValidationException', message: expect.stringMatching(/console.*CUSTOMER_MANAGED.*workspaceRoleArn/),
    });
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceRoleArn: undefined }))).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('workspaceRoleArn') });
  });

  it('says SSO is not enabled when IAM Identity Center is off', async () => {
    sandbox.setSsoEnabled(false);
    try {
      await expect(grafana.send(new CreateWorkspaceCommand(base()))).rejects.toMatchObject({ name: 'ValidationException', message: 'SSO is not enabled in any region' });
      // SAML does not need Identity Center.
      await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), authenticationProviders: ['SAML'] }))).resolves.toBeDefined();
    } finally {
      sandbox.setSsoEnabled(true);
    }
  });

  it('validates required members, enums and the name pattern', async () => {
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), accountAccessType: undefined as never }))).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining("'accountAccessType'") });
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), authenticationProviders: ['LDAP' as never] }))).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('enum') });
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: 'has spaces' }))).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('regular expression') });
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), configuration: 'not json' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('creates CREATING (202) → ACTIVE with the id, endpoint and defaults AMG gives', async () => {
    const created = await grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: 'previews', tags: { team: 'a b/c' } }));
    expect(created.$metadata.httpStatusCode).toBe(202);
    const ws = created.workspace!;
    expect(ws.id).toMatch(/^g-[0-9a-f]{10}$/);
    // AMG answers a bare host (g-….grafana-workspace.<region>.amazonaws.com); the sandbox's Grafana listens on loopback.
    expect(ws).toMatchObject({ status: 'CREATING', grafanaVersion: '13.0', endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), workspaceRoleArn: roleArn, dataSources: [] });
    await waitFor(async () => ((await grafana.send(new DescribeWorkspaceCommand({ workspaceId: ws.id }))).workspace!.status === 'ACTIVE' ? true : undefined));
    const listed = await grafana.send(new ListWorkspacesCommand({}));
    expect(listed.workspaces).toEqual([expect.objectContaining({ id: ws.id, name: 'previews', status: 'ACTIVE', tags: { team: 'a b/c' } })]);
  });

  it('is idempotent per client token, and names need not be unique', async () => {
    const a = await grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: 'same', clientToken: 't-1' }));
    const b = await grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: 'same', clientToken: 't-1' }));
    expect(b.workspace!.id).toBe(a.workspace!.id);
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: 'changed', clientToken: 't-1' }))).rejects.toMatchObject({ name: 'ConflictException' });
    const c = await grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: 'same' }));
    expect(c.workspace!.id).not.toBe(a.workspace!.id);
  });

  it('stops at 5 workspaces per region with ServiceQuotaExceededException (402)', async () => {
    for (let i = 0; i < 5; i++) await grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: `q${i}` }));
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: 'q5' }))).rejects.toMatchObject({
      name: 'ServiceQuotaExceededException', $metadata: { httpStatusCode: 402 }, serviceCode: 'grafana',
    });
    // Another region has its own quota.
    await expect(new GrafanaClient(clientConfig(sandbox, { region: 'us-west-2' })).send(new CreateWorkspaceCommand(base()))).resolves.toBeDefined();
  });
});

describe('AMG workspaces after creation', () => {
  it('paginate ListWorkspaces', async () => {
    for (let i = 0; i < 3; i++) await grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: `p${i}` }));
    const first = await grafana.send(new ListWorkspacesCommand({ maxResults: 2 }));
    const second = await grafana.send(new ListWorkspacesCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect([...first.workspaces!, ...second.workspaces!].map((w) => w.name)).toEqual(['p0', 'p1', 'p2']);
    expect(second.nextToken).toBeUndefined();
    await expect(grafana.send(new ListWorkspacesCommand({ maxResults: 101 }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('UpdatePermissions: ConflictException until ACTIVE, then errors[] for users not in the directory', async () => {
    const pending = (await grafana.send(new CreateWorkspaceCommand({ ...base(), workspaceName: 'perm-pending' }))).workspace!.id!;
    const add = (users: { id: string; type: 'SSO_USER' | 'SSO_GROUP' }[], role: 'ADMIN' | 'EDITOR' | 'VIEWER' = 'ADMIN') => ({ action: 'ADD' as const, role, users });
    await expect(grafana.send(new UpdatePermissionsCommand({ workspaceId: pending, updateInstructionBatch: [add([{ id: KNOWN_USER, type: 'SSO_USER' }])] }))).rejects.toMatchObject({ name: 'ConflictException', $metadata: { httpStatusCode: 409 } });

    const id = await activeWorkspace('perm');
    const out = await grafana.send(new UpdatePermissionsCommand({
      workspaceId: id,
      updateInstructionBatch: [add([{ id: KNOWN_USER, type: 'SSO_USER' }, { id: UNKNOWN_USER, type: 'SSO_USER' }]), add([{ id: KNOWN_GROUP, type: 'SSO_GROUP' }], 'VIEWER')],
    }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.errors).toEqual([{ code: 404, message: expect.stringContaining(UNKNOWN_USER), causedBy: { action: 'ADD', role: 'ADMIN', users: [{ id: UNKNOWN_USER, type: 'SSO_USER' }] } }]);
    const perms = await grafana.send(new ListPermissionsCommand({ workspaceId: id }));
    expect(perms.permissions).toEqual(expect.arrayContaining([{ user: { id: KNOWN_USER, type: 'SSO_USER' }, role: 'ADMIN' }, { user: { id: KNOWN_GROUP, type: 'SSO_GROUP' }, role: 'VIEWER' }]));
    expect((await grafana.send(new ListPermissionsCommand({ workspaceId: id, userType: 'SSO_GROUP' }))).permissions).toEqual([{ user: { id: KNOWN_GROUP, type: 'SSO_GROUP' }, role: 'VIEWER' }]);

    // A batch with one invalid instruction changes nothing.
    await expect(grafana.send(new UpdatePermissionsCommand({
      workspaceId: id, updateInstructionBatch: [{ action: 'REVOKE', role: 'ADMIN', users: [{ id: KNOWN_USER, type: 'SSO_USER' }] }, add([{ id: KNOWN_USER, type: 'NOBODY' as never }])],
    }))).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining("'updateInstructionBatch.2.member.users.1.member.type'") });
    expect((await grafana.send(new ListPermissionsCommand({ workspaceId: id, userId: KNOWN_USER }))).permissions).toHaveLength(1);
    const tooMany = Array.from({ length: 21 }, () => add([{ id: KNOWN_USER, type: 'SSO_USER' }]));
    await expect(grafana.send(new UpdatePermissionsCommand({ workspaceId: id, updateInstructionBatch: tooMany }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('tags by ARN, and deletes ACTIVE workspaces: DELETING, then gone', async () => {
    const id = await activeWorkspace('tagged');
    const arn = `arn:aws:grafana:eu-west-1:123456789012:/workspaces/${id}`;
    await grafana.send(new TagResourceCommand({ resourceArn: arn, tags: { x: 'y' } }));
    expect((await grafana.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ x: 'y' });
    const deleted = await grafana.send(new DeleteWorkspaceCommand({ workspaceId: id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(deleted.workspace!.status).toBe('DELETING');
    await expect(grafana.send(new DeleteWorkspaceCommand({ workspaceId: id }))).rejects.toMatchObject({ name: 'ConflictException' });
    await waitFor(async () => grafana.send(new DescribeWorkspaceCommand({ workspaceId: id })).then(() => undefined, (e: Error) => e.name));
    await expect(grafana.send(new DescribeWorkspaceCommand({ workspaceId: id }))).rejects.toMatchObject({ name: 'ResourceNotFoundException', resourceId: id });
    await expect(grafana.send(new DescribeWorkspaceCommand({ workspaceId: 'g-nothex!!!!' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('service accounts and their tokens', async () => {
    const id = await activeWorkspace('automation');
    const sa = await grafana.send(new CreateWorkspaceServiceAccountCommand({ workspaceId: id, name: 'ecs-amp-action', grafanaRole: 'ADMIN' }));
    expect(sa).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'ecs-amp-action', grafanaRole: 'ADMIN', workspaceId: id });
    await expect(grafana.send(new CreateWorkspaceServiceAccountCommand({ workspaceId: id, name: 'ecs-amp-action', grafanaRole: 'ADMIN' }))).rejects.toMatchObject({ name: 'ConflictException' });
    const token = await grafana.send(new CreateWorkspaceServiceAccountTokenCommand({ workspaceId: id, serviceAccountId: sa.id, name: 'run-1', secondsToLive: 600 }));
    expect(token.serviceAccountToken!.key).toMatch(/^glsa_/);
    expect(sandbox.grafana.resolveApiToken(token.serviceAccountToken!.key!)).toEqual({ workspaceId: id, grafanaRole: 'ADMIN' });
    await expect(grafana.send(new CreateWorkspaceServiceAccountTokenCommand({ workspaceId: id, serviceAccountId: sa.id, name: 'too-long', secondsToLive: 2_592_001 }))).rejects.toMatchObject({ name: 'ValidationException' });
    const tokens = await grafana.send(new ListWorkspaceServiceAccountTokensCommand({ workspaceId: id, serviceAccountId: sa.id }));
    expect(tokens.serviceAccountTokens).toEqual([expect.objectContaining({ id: token.serviceAccountToken!.id, name: 'run-1', expiresAt: expect.any(Date) })]);
    expect(tokens.serviceAccountTokens![0]).not.toHaveProperty('key');
    expect((await grafana.send(new ListWorkspaceServiceAccountsCommand({ workspaceId: id }))).serviceAccounts).toEqual([{ id: sa.id, name: 'ecs-amp-action', grafanaRole: 'ADMIN', isDisabled: 'false' }]);
    await grafana.send(new DeleteWorkspaceServiceAccountTokenCommand({ workspaceId: id, serviceAccountId: sa.id, tokenId: token.serviceAccountToken!.id }));
    expect(sandbox.grafana.resolveApiToken(token.serviceAccountToken!.key!)).toBeUndefined();
    await expect(grafana.send(new DeleteWorkspaceServiceAccountTokenCommand({ workspaceId: id, serviceAccountId: sa.id, tokenId: token.serviceAccountToken!.id }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
