import { createHash } from 'node:crypto';

/**
 * Ownership tags. Later modes (destroy, cleanup) trust only these: a resource is the action's to
 * change or delete when its tags name this repository (and, for per-environment resources, this
 * environment).
 */
export const RESERVED_TAG_PREFIX = 'ecs-amp-action:';
export const TAG_MANAGED_BY = `${RESERVED_TAG_PREFIX}managed-by`;
export const TAG_REPOSITORY = `${RESERVED_TAG_PREFIX}repository`;
export const TAG_ENVIRONMENT = `${RESERVED_TAG_PREFIX}environment`;
export const TAG_PR = `${RESERVED_TAG_PREFIX}pr`;
export const MANAGED_BY = 'ecs-amp-action';

export interface Ownership {
  repository: string;
  /** Absent for resources shared by every environment of the repository (the AMG workspace, its role). */
  environment?: string;
  prNumber?: number;
}

/** The tags for a resource the action creates: extra user tags first, so ownership tags always win. */
export function ownershipTags(owner: Ownership, extra: Record<string, string> = {}): Record<string, string> {
  const tags: Record<string, string> = { ...extra, [TAG_MANAGED_BY]: MANAGED_BY, [TAG_REPOSITORY]: owner.repository };
  if (owner.environment) tags[TAG_ENVIRONMENT] = owner.environment;
  if (owner.environment && owner.prNumber !== undefined) tags[TAG_PR] = String(owner.prNumber);
  return tags;
}

/**
 * True when the tags say the action created the resource for this repository (and environment, if
 * given). A resource tagged for PR N belongs only to a run for PR N: a branch or another PR that
 * ends up with the same environment name (by hand, or by an old default) never reaches it.
 */
export function isOwnedBy(tags: Record<string, string> | undefined, owner: Ownership): boolean {
  if (!tags || tags[TAG_MANAGED_BY] !== MANAGED_BY || tags[TAG_REPOSITORY] !== owner.repository) return false;
  if (owner.environment === undefined) return true;
  return tags[TAG_ENVIRONMENT] === owner.environment && prMatches(tags, owner);
}

function prMatches(tags: Record<string, string>, owner: Ownership): boolean {
  return tags[TAG_PR] === undefined || tags[TAG_PR] === String(owner.prNumber);
}

/**
 * Why these tags do not make a resource this run's to change or delete; undefined when they do.
 * Stricter than isOwnedBy for repository-level resources: a resource tagged with an environment is
 * an environment's, never the repository's shared one.
 */
export function ownershipProblem(tags: Record<string, string> | undefined, owner: Ownership): string | undefined {
  const t = tags ?? {};
  if (t[TAG_MANAGED_BY] !== MANAGED_BY) return 'it has no ecs-amp-action ownership tags (it was not created by this action)';
  if (t[TAG_REPOSITORY] !== owner.repository) return `it belongs to ${describeOwner(t)}`;
  if (owner.environment === undefined) {
    return t[TAG_ENVIRONMENT] === undefined ? undefined : `it belongs to ${describeOwner(t)}, not to the repository as a whole`;
  }
  if (t[TAG_ENVIRONMENT] !== owner.environment) return `it belongs to ${describeOwner(t)}`;
  if (!prMatches(t, owner)) return `it belongs to ${describeOwner(t)} and this run is ${owner.prNumber === undefined ? 'not for a pull request' : `for PR #${owner.prNumber}`}`;
  return undefined;
}

/** Whose the tags say a resource is, for messages: `other-org/shop environment 'pr-1' (PR #1)`. */
export function describeOwner(tags: Record<string, string> | undefined): string {
  const t = tags ?? {};
  if (t[TAG_MANAGED_BY] !== MANAGED_BY) return 'no ecs-amp-action owner (untagged)';
  const env = t[TAG_ENVIRONMENT] === undefined ? '' : ` environment '${t[TAG_ENVIRONMENT]}'`;
  const pr = t[TAG_PR] === undefined ? '' : ` (PR #${t[TAG_PR]})`;
  return `${t[TAG_REPOSITORY] ?? 'an unnamed repository'}${env}${pr}`;
}

/** The ownership tags only (managed-by, repository, environment, pr), for messages that show what a resource carries. */
export function ownershipTagText(tags: Record<string, string> | undefined): string {
  const shown = Object.entries(tags ?? {}).filter(([k]) => k.startsWith(RESERVED_TAG_PREFIX));
  return shown.length ? shown.map(([k, v]) => `${k}=${v}`).join(', ') : 'no ecs-amp-action tags';
}

export function toTagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function fromTagList(list: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

/**
 * A short hash of the whole repository name, for names that must keep repositories apart where a
 * slug cannot (`a-b/c` and `a/b-c` slug alike; long names are cut): stack names, Grafana token names.
 * GitHub repository names are case-insensitive, so it is taken of the lower-cased name.
 */
export function repositoryHash(repository: string): string {
  return createHash('sha256').update(repository.toLowerCase()).digest('hex').slice(0, 8);
}
