import { ACCOUNT_ID } from '../models/iam';
import { PreviewFixture, REGION, REPOSITORY } from './fixture';

/**
 * Environments left behind by closed PRs, put straight into the models (no deploys): for each, a closed PR in
 * the sandbox's GitHub and an ACTIVE AMP workspace with the ownership tags and alias the action gives its own
 * (src/tags.ts, src/inputs). What a sweep must find and remove. Returns the workspace ids.
 */
export function seedStaleEnvironments(fx: PreviewFixture, count: number): string[] {
  const repository = REPOSITORY;
  const ctx = { region: REGION, accountId: ACCOUNT_ID, accessKeyId: 'seed', principalArn: `arn:aws:iam::${ACCOUNT_ID}:root`, requestId: 'seed' };
  return Array.from({ length: count }, () => {
    const pr = fx.pullRequest();
    fx.closePullRequest(pr);
    const environment = `pr-${pr}`;
    const { workspaceId } = fx.sandbox.amp.createWorkspace({
      alias: `${repository}/${environment}`,
      tags: {
        'ecs-amp-action:managed-by': 'ecs-amp-action', 'ecs-amp-action:repository': repository,
        'ecs-amp-action:environment': environment, 'ecs-amp-action:pr': String(pr),
      },
    }, ctx);
    fx.sandbox.amp.settle(workspaceId);
    return workspaceId;
  });
}
