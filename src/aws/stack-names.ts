import { GRAFANA_ROLE_STACK_PREFIX, PREVIEW_STACK_PREFIX } from '../permissions/scopes';
import { repositoryHash } from '../tags';

/**
 * CloudFormation stack names: a letter, then letters, digits and hyphens, at most 128 characters
 * (CreateStack API reference). The preview template names its ECS cluster, service and task family
 * after the stack (≤ 255 each) and its log groups /ecs/<stack>/… (≤ 512), and its IAM roles get
 * generated names under a path, so 128 is the limit that binds.
 */
export const MAX_STACK_NAME = 128;
/** repositoryHash()'s length. */
const HASH_LENGTH = 8;


/** owner-repo in lower case, letters, digits and single hyphens, cut to `max` characters. */
function slug(repository: string, max: number): string {
  return repository.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, Math.max(max, 0)).replace(/-+$/, '');
}

/**
 * `preview-<owner>-<repo>-<hash>-<environment>`: the owner keeps acme/shop and other-org/shop apart
 * for humans, the hash keeps every two repositories apart, and the prefix is what the bootstrap
 * policies scope to (stack/preview-*, cluster/preview-*, …).
 */
export function defaultStackName(repository: string, environment: string): string {
  const fixed = PREVIEW_STACK_PREFIX.length + 1 + HASH_LENGTH + 1 + environment.length;
  const s = slug(repository, MAX_STACK_NAME - fixed - 1);
  return `${PREVIEW_STACK_PREFIX}${s ? `${s}-` : ''}${repositoryHash(repository)}-${environment}`;
}

/** One role stack per repository, like the shared workspace it serves: `ecs-amp-action-grafana-role-<owner>-<repo>-<hash>`. */
export function grafanaRoleStackName(repository: string): string {
  const s = slug(repository, MAX_STACK_NAME - GRAFANA_ROLE_STACK_PREFIX.length - 1 - HASH_LENGTH);
  return `${GRAFANA_ROLE_STACK_PREFIX}${s ? `${s}-` : ''}${repositoryHash(repository)}`;
}
