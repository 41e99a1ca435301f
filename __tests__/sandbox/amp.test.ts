import {
  AmpClient, CreateWorkspaceCommand, DeleteWorkspaceCommand, DescribeWorkspaceCommand, ListTagsForResourceCommand,
  ListWorkspacesCommand, TagResourceCommand, UntagResourceCommand,
} from '@aws-sdk/client-amp';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { clientConfig, FAST, REGION, waitFor } from './support';

let sandbox: Sandbox;
let amp: AmpClient;
beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
  amp = new AmpClient(clientConfig(sandbox));
});
afterAll(() => sandbox.close());
afterEach(() => { sandbox.setLatencies(FAST); });

const statusOf = async (workspaceId: string) => (await amp.send(new DescribeWorkspaceCommand({ workspaceId }))).workspace!.status!.statusCode;

describe('AMP workspaces', () => {
  it('are created CREATING (202) and become ACTIVE, with an ARN, endpoint and tags', async () => {
    const created = await amp.send(new CreateWorkspaceCommand({ alias: '  team/app  ', tags: { env: 'pr-1' } }));
    expect(created.$metadata.httpStatusCode).toBe(202);
    expect(created.workspaceId).toMatch(/^ws-[0-9a-f-]{36}$/);
    expect(created.arn).toBe(`arn:aws:aps:${REGION}:123456789012:workspace/${created.workspaceId}`);
    expect(created.status?.statusCode).toBe('CREATING');
    await waitFor(async () => ((await statusOf(created.workspaceId!)) === 'ACTIVE' ? true : undefined));
    const ws = (await amp.send(new DescribeWorkspaceCommand({ workspaceId: created.workspaceId }))).workspace!;
    expect(ws).toMatchObject({ alias: 'team/app', tags: { env: 'pr-1' } });
    expect(ws.createdAt).toBeInstanceOf(Date);
    expect(ws.prometheusEndpoint).toBe(`https://aps-workspaces.${REGION}.amazonaws.com/workspaces/${created.workspaceId}/api/v1/`);
  });

  it('honour a client token: same arguments → same workspace, different arguments → ConflictException', async () => {
    const first = await amp.send(new CreateWorkspaceCommand({ alias: 'idem', clientToken: 'tok-1', tags: { a: '1', b: '2' } }));
    const again = await amp.send(new CreateWorkspaceCommand({ alias: 'idem', clientToken: 'tok-1', tags: { b: '2', a: '1' } }));
    expect(again.workspaceId).toBe(first.workspaceId);
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'other', clientToken: 'tok-1' }))).rejects.toMatchObject({
      name: 'ConflictException', $metadata: { httpStatusCode: 409 }, resourceId: first.workspaceId, resourceType: 'WORKSPACE',
    });
    // The SDK fills clientToken itself when none is given: two plain creates are two workspaces.
    const a = await amp.send(new CreateWorkspaceCommand({ alias: 'idem' }));
    const b = await amp.send(new CreateWorkspaceCommand({ alias: 'idem' }));
    expect(a.workspaceId).not.toBe(b.workspaceId);
  });

  it('list with alias as a prefix filter, and paginate with nextToken', async () => {
    const ids: string[] = [];
    for (const alias of ['pfx/a', 'pfx/b', 'pfx/c', 'pfxx']) ids.push((await amp.send(new CreateWorkspaceCommand({ alias }))).workspaceId!);
    const first = await amp.send(new ListWorkspacesCommand({ alias: 'pfx/', maxResults: 2 }));
    expect(first.workspaces!.map((w) => w.alias)).toEqual(['pfx/a', 'pfx/b']);
    expect(first.workspaces![0]).toMatchObject({ arn: expect.stringMatching(/^arn:aws:aps:/), status: { statusCode: expect.any(String) }, createdAt: expect.any(Date) });
    const second = await amp.send(new ListWorkspacesCommand({ alias: 'pfx/', maxResults: 2, nextToken: first.nextToken }));
    expect(second.workspaces!.map((w) => w.alias)).toEqual(['pfx/c']);
    expect(second.nextToken).toBeUndefined();
    expect((await amp.send(new ListWorkspacesCommand({ alias: 'pfx' }))).workspaces!.map((w) => w.workspaceId)).toEqual(ids);
    // A token belongs to the request that produced it.
    await expect(amp.send(new ListWorkspacesCommand({ alias: 'other', nextToken: first.nextToken }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(amp.send(new ListWorkspacesCommand({ maxResults: 1001 }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('paginate without skipping when a listed workspace is deleted between pages', async () => {
    const ids: string[] = [];
    for (const alias of ['del/1', 'del/2', 'del/3']) ids.push((await amp.send(new CreateWorkspaceCommand({ alias }))).workspaceId!);
    await waitFor(async () => ((await statusOf(ids[0])) === 'ACTIVE' ? true : undefined));
    const first = await amp.send(new ListWorkspacesCommand({ alias: 'del/', maxResults: 1 }));
    await amp.send(new DeleteWorkspaceCommand({ workspaceId: ids[0] }));
    await waitFor(async () => ((await amp.send(new ListWorkspacesCommand({ alias: 'del/1' }))).workspaces!.length === 0 ? true : undefined));
    const second = await amp.send(new ListWorkspacesCommand({ alias: 'del/', maxResults: 1, nextToken: first.nextToken }));
    expect(second.workspaces!.map((w) => w.workspaceId)).toEqual([ids[1]]);
  });

  it('validate members as the model does', async () => {
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'x'.repeat(101) }))).rejects.toMatchObject({
      name: 'ValidationException', $metadata: { httpStatusCode: 400 }, reason: 'FIELD_VALIDATION_FAILED',
      message: expect.stringContaining("at 'alias' failed to satisfy constraint: Member must have length less than or equal to 100"),
    });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: '' }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'ok', tags: { 'bad#key': 'x' } }))).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining("'tags.bad#key.member.key'") });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'ok', tags: { k: 'v'.repeat(257) } }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'ok', tags: { 'aws:reserved': 'x' } }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(amp.send(new CreateWorkspaceCommand({ alias: 'ok', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:alias/mine' }))).rejects.toMatchObject({ name: 'ValidationException' });
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await expect(amp.send(new CreateWorkspaceCommand({ tags: tooMany }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(amp.send(new CreateWorkspaceCommand({ clientToken: 'has space' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('answer ResourceNotFoundException for unknown ids, other regions and other accounts', async () => {
    await expect(amp.send(new DescribeWorkspaceCommand({ workspaceId: 'ws-missing' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 }, resourceId: 'ws-missing', resourceType: 'WORKSPACE',
    });
    const { workspaceId, arn } = await amp.send(new CreateWorkspaceCommand({ alias: 'regional' }));
    const elsewhere = new AmpClient(clientConfig(sandbox, { region: 'us-east-2' }));
    await expect(elsewhere.send(new DescribeWorkspaceCommand({ workspaceId }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await elsewhere.send(new ListWorkspacesCommand({}))).workspaces).toEqual([]);
    await expect(amp.send(new ListTagsForResourceCommand({ resourceArn: arn!.replace('123456789012', '210987654321') }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(amp.send(new ListTagsForResourceCommand({ resourceArn: 'not-an-arn' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('tag, untag and list tags by ARN', async () => {
    const { arn } = await amp.send(new CreateWorkspaceCommand({ alias: 'tagged', tags: { a: '1' } }));
    await amp.send(new TagResourceCommand({ resourceArn: arn, tags: { b: '2' } }));
    await amp.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['a'] }));
    expect((await amp.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ b: '2' });
    await expect(amp.send(new TagResourceCommand({ resourceArn: arn, tags: undefined as never }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('delete: ConflictException while CREATING, then DELETING, then gone; a retried delete with its token succeeds', async () => {
    // States are held by long latencies and ended by settle(), so a loaded machine cannot skip one.
    sandbox.setLatencies({ ampCreate: 600_000, ampDelete: 600_000 });
    const { workspaceId } = await amp.send(new CreateWorkspaceCommand({ alias: 'doomed' }));
    await expect(amp.send(new DeleteWorkspaceCommand({ workspaceId }))).rejects.toMatchObject({ name: 'ConflictException', $metadata: { httpStatusCode: 409 } });
    sandbox.amp.settle(workspaceId!);
    expect(await statusOf(workspaceId!)).toBe('ACTIVE');
    const deleted = await amp.send(new DeleteWorkspaceCommand({ workspaceId, clientToken: 'del-1' }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(await statusOf(workspaceId!)).toBe('DELETING');
    await expect(amp.send(new DeleteWorkspaceCommand({ workspaceId, clientToken: 'del-1' }))).resolves.toBeDefined();
    await expect(amp.send(new DeleteWorkspaceCommand({ workspaceId, clientToken: 'del-2' }))).rejects.toMatchObject({ name: 'ConflictException' });
    sandbox.amp.settle(workspaceId!);
    await expect(amp.send(new DescribeWorkspaceCommand({ workspaceId }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('can be made to fail creation: CREATION_FAILED, which may then be deleted', async () => {
    sandbox.amp.failNextCreate();
    const { workspaceId } = await amp.send(new CreateWorkspaceCommand({ alias: 'unlucky' }));
    await waitFor(async () => ((await statusOf(workspaceId!)) === 'CREATION_FAILED' ? true : undefined));
    await expect(amp.send(new DeleteWorkspaceCommand({ workspaceId }))).resolves.toBeDefined();
    const next = await amp.send(new CreateWorkspaceCommand({ alias: 'lucky' }));
    await waitFor(async () => ((await statusOf(next.workspaceId!)) === 'ACTIVE' ? true : undefined));
  });
});
