import type { CloudFormationClient, Stack } from '@aws-sdk/client-cloudformation';
import { destroyStack, ensureStack, StackSpec } from '../../src/aws/stacks';
import { ownershipTags, toTagList } from '../../src/tags';
import { ActionError } from '../../src/util/errors';

const MUTATING = new Set(['CreateChangeSetCommand', 'ExecuteChangeSetCommand', 'DeleteStackCommand', 'DeleteChangeSetCommand', 'ContinueUpdateRollbackCommand']);
const mine = { repository: 'acme/shop', environment: 'pr-1', prNumber: 1 };
const theirs = { repository: 'other-org/shop', environment: 'pr-1', prNumber: 1 };

/** A CloudFormation that holds one stack and records every command; reads answer, writes are recorded only. */
function fakeCfn(stack: Stack, changeSetTags: Record<string, string>[] = []) {
  const sent: string[] = [];
  const client = {
    send: async (command: { constructor: { name: string } }) => {
      const name = command.constructor.name;
      sent.push(name);
      if (name === 'DescribeStacksCommand') return { Stacks: [stack] };
      if (name === 'ListChangeSetsCommand') return { Summaries: changeSetTags.map((_, i) => ({ ChangeSetId: `cs-${i}` })) };
      if (name === 'DescribeChangeSetCommand') {
        const i = Number(String((command as unknown as { input: { ChangeSetName: string } }).input.ChangeSetName).slice(3));
        return { Tags: toTagList(changeSetTags[i]) };
      }
      throw new Error(`unexpected ${name}`);
    },
  };
  return { cfn: client as unknown as CloudFormationClient, sent };
}

const spec: StackSpec = { name: 'preview-shop-pr-1', templateBody: 'x', parameters: {}, tags: ownershipTags(mine), owner: mine, capabilities: [] };
const opts = { deadline: Date.now() + 60_000, log: () => undefined };
const stackIn = (status: string, tags?: Record<string, string>): Stack =>
  ({ StackName: spec.name, StackId: `arn:aws:cloudformation:eu-west-1:111111111111:stack/${spec.name}/1`, StackStatus: status as Stack['StackStatus'], Tags: tags ? toTagList(tags) : [], CreationTime: new Date() });

describe('a stack that is not this environment\'s', () => {
  it.each(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'UPDATE_ROLLBACK_FAILED', 'UPDATE_IN_PROGRESS', 'CREATE_IN_PROGRESS', 'DELETE_FAILED'])(
    'is refused in %s before any mutating call, naming the stack, its tags and the fix', async (status) => {
      for (const tags of [ownershipTags(theirs), undefined, { ...ownershipTags(mine), 'ecs-amp-action:pr': '2' }]) {
        const { cfn, sent } = fakeCfn(stackIn(status, tags));
        const err = await ensureStack(cfn, spec, opts).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ActionError);
        expect((err as ActionError).message).toContain(`Stack ${spec.name} (${status})`);
        expect((err as ActionError).message).toMatch(tags ? /ecs-amp-action:repository=/ : /no ecs-amp-action tags/);
        expect((err as ActionError).fix).toMatch(/stack-name and environment/);
        expect(sent.filter((n) => MUTATING.has(n))).toEqual([]);
        // destroy refuses it the same way
        const d = fakeCfn(stackIn(status, tags));
        await expect(destroyStack(d.cfn, spec.name, mine, opts)).rejects.toThrow(/not this run's to delete/);
        expect(d.sent.filter((n) => MUTATING.has(n))).toEqual([]);
      }
    });

  it('is refused when it is an empty REVIEW_IN_PROGRESS stack whose change set is another repository\'s, or that has none', async () => {
    for (const sets of [[ownershipTags(theirs)], [ownershipTags(mine), ownershipTags(theirs)], []]) {
      const { cfn, sent } = fakeCfn(stackIn('REVIEW_IN_PROGRESS'), sets);
      const err = (await ensureStack(cfn, spec, opts).catch((e: unknown) => e)) as ActionError;
      expect(err).toBeInstanceOf(ActionError);
      expect(err.message).toMatch(sets.length ? /its change set carries ecs-amp-action:managed-by=ecs-amp-action, ecs-amp-action:repository=other-org\/shop/ : /neither tags nor a change set/);
      expect(sent.filter((n) => MUTATING.has(n))).toEqual([]);
    }
  });

  it('is this environment\'s when it is an empty REVIEW_IN_PROGRESS stack whose change sets are all ours', async () => {
    const { cfn, sent } = fakeCfn(stackIn('REVIEW_IN_PROGRESS'), [ownershipTags(mine)]);
    // The next step would create a change set: the fake refuses it, which shows the ownership check passed.
    await expect(ensureStack(cfn, spec, opts)).rejects.toThrow(/unexpected CreateChangeSetCommand/);
    expect(sent).toContain('ListChangeSetsCommand');
  });
});
