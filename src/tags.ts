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

/** True when the tags say the action created the resource for this repository (and environment, if given). */
export function isOwnedBy(tags: Record<string, string> | undefined, owner: Ownership): boolean {
  if (!tags || tags[TAG_MANAGED_BY] !== MANAGED_BY || tags[TAG_REPOSITORY] !== owner.repository) return false;
  return owner.environment === undefined || tags[TAG_ENVIRONMENT] === owner.environment;
}

export function toTagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function fromTagList(list: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}
