import { describeOwner, isOwnedBy, ownershipProblem, ownershipTags, TAG_ENVIRONMENT, TAG_PR, TAG_REPOSITORY } from '../../src/tags';
import { grafanaRoleStackName } from '../../src/modes/provision';
import { ampClientToken, pickPreferred } from '../../src/aws/amp';

describe('ownership tags', () => {
  it('cannot be overridden by user tags', () => {
    const tags = ownershipTags({ repository: 'acme/shop', environment: 'pr-1', prNumber: 1 }, { [TAG_REPOSITORY]: 'evil/x', team: 'a' });
    expect(tags).toEqual({
      team: 'a', 'ecs-amp-action:managed-by': 'ecs-amp-action', 'ecs-amp-action:repository': 'acme/shop',
      'ecs-amp-action:environment': 'pr-1', 'ecs-amp-action:pr': '1',
    });
  });

  it('recognises only resources of this repository and environment', () => {
    const tags = ownershipTags({ repository: 'acme/shop', environment: 'pr-1' });
    expect(isOwnedBy(tags, { repository: 'acme/shop', environment: 'pr-1' })).toBe(true);
    expect(isOwnedBy(tags, { repository: 'acme/shop' })).toBe(true);
    expect(isOwnedBy(tags, { repository: 'acme/shop', environment: 'pr-2' })).toBe(false);
    expect(isOwnedBy(tags, { repository: 'acme/other', environment: 'pr-1' })).toBe(false);
    expect(isOwnedBy({ ...tags, 'ecs-amp-action:managed-by': 'someone' }, { repository: 'acme/shop' })).toBe(false);
    expect(isOwnedBy(undefined, { repository: 'acme/shop' })).toBe(false);
    expect(tags[TAG_ENVIRONMENT]).toBe('pr-1');
  });

  it('gives a resource tagged for PR N only to a run for PR N', () => {
    const tags = ownershipTags({ repository: 'acme/shop', environment: 'pr-7', prNumber: 7 });
    expect(tags[TAG_PR]).toBe('7');
    expect(isOwnedBy(tags, { repository: 'acme/shop', environment: 'pr-7', prNumber: 7 })).toBe(true);
    expect(isOwnedBy(tags, { repository: 'acme/shop', environment: 'pr-7' })).toBe(false);
    expect(isOwnedBy(tags, { repository: 'acme/shop', environment: 'pr-7', prNumber: 8 })).toBe(false);
    expect(ownershipProblem(tags, { repository: 'acme/shop', environment: 'pr-7' })).toMatch(/PR #7.*not for a pull request/);
    expect(ownershipProblem(tags, { repository: 'acme/shop', environment: 'pr-7', prNumber: 7 })).toBeUndefined();
  });

  it('says whose a resource is, and refuses an environment resource as the repository\'s shared one', () => {
    const env = ownershipTags({ repository: 'other-org/shop', environment: 'pr-1', prNumber: 1 });
    expect(describeOwner(env)).toBe("other-org/shop environment 'pr-1' (PR #1)");
    expect(describeOwner({ team: 'x' })).toMatch(/untagged/);
    expect(ownershipProblem(env, { repository: 'acme/shop', environment: 'pr-1', prNumber: 1 })).toMatch(/other-org\/shop/);
    expect(ownershipProblem({}, { repository: 'acme/shop' })).toMatch(/no ecs-amp-action ownership tags/);
    expect(ownershipProblem(ownershipTags({ repository: 'acme/shop', environment: 'pr-1' }), { repository: 'acme/shop' })).toMatch(/not to the repository as a whole/);
    expect(ownershipProblem(ownershipTags({ repository: 'acme/shop' }), { repository: 'acme/shop' })).toBeUndefined();
  });
});

describe('naming and idempotency', () => {
  it('derives a valid CloudFormation stack name for any repository', () => {
    const name = grafanaRoleStackName('Acme_Corp/My.Repo');
    expect(name).toMatch(/^ecs-amp-action-grafana-role-acme-corp-my-repo-[0-9a-f]{8}$/);
    expect(grafanaRoleStackName(`o/${'r'.repeat(200)}`)).toMatch(/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/);
  });

  it('gives repositories whose slugs collide different role stacks', () => {
    // a-b/c and a/b-c are both a-b-c as a slug; GitHub names are case-insensitive, so Acme/Shop is acme/shop.
    expect(grafanaRoleStackName('a-b/c')).not.toBe(grafanaRoleStackName('a/b-c'));
    expect(grafanaRoleStackName('Acme/Shop')).toBe(grafanaRoleStackName('acme/shop'));
    const long = (o: string) => grafanaRoleStackName(`${o}/${'r'.repeat(100)}`);
    expect(long('one')).not.toBe(long('two'));
    expect(long('one').length).toBeLessThanOrEqual(128);
  });

  it('gives the same AMP client token to every run of one environment, and different ones across environments', () => {
    const a = ampClientToken({ repository: 'acme/shop', environment: 'pr-1' }, 'acme/shop/pr-1');
    expect(a).toMatch(/^[!-~]{1,64}$/);
    expect(ampClientToken({ repository: 'acme/shop', environment: 'pr-1' }, 'acme/shop/pr-1')).toBe(a);
    expect(ampClientToken({ repository: 'acme/shop', environment: 'pr-2' }, 'acme/shop/pr-2')).not.toBe(a);
    // After a failed creation the token moves on, identically for every run that sees the failure.
    const afterFailure = ampClientToken({ repository: 'acme/shop', environment: 'pr-1' }, 'acme/shop/pr-1', ['ws-b', 'ws-a']);
    expect(afterFailure).not.toBe(a);
    expect(ampClientToken({ repository: 'acme/shop', environment: 'pr-1' }, 'acme/shop/pr-1', ['ws-a', 'ws-b'])).toBe(afterFailure);
  });

  it('prefers an ACTIVE workspace, then the oldest', () => {
    const ws = (id: string, status: string, t: number) => ({ workspaceId: id, arn: id, status: { statusCode: status as 'ACTIVE' }, createdAt: new Date(t) });
    expect(pickPreferred([ws('b', 'CREATING', 1), ws('c', 'ACTIVE', 3), ws('a', 'ACTIVE', 2)])?.workspaceId).toBe('a');
    expect(pickPreferred([])).toBeUndefined();
  });
});
