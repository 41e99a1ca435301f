import { createHash } from 'node:crypto';

/**
 * Names and uids of what an environment owns inside the repository's Grafana workspace. Grafana
 * objects carry no AWS tags, so ownership is by construction: every uid is derived from the
 * repository and the environment, and dashboards carry tags that name both (cleanup reads them).
 */

/** Grafana uids: at most 40 characters of letters, digits, '-' and '_'. */
const UID_MAX = 40;
export const DASHBOARD_TAG = 'ecs-amp-action';
const ENV_TAG_PREFIX = 'preview:';

function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

function uid(readable: string, ...parts: string[]): string {
  const suffix = hash(...parts).slice(0, 10);
  return `${readable.slice(0, UID_MAX - suffix.length - 1)}-${suffix}`;
}

export function folderUid(repository: string, environment: string): string {
  return uid(`preview-${environment}`, 'folder', repository, environment);
}

export function folderTitle(environment: string): string {
  return `Preview ${environment}`;
}

export function datasourceName(environment: string): string {
  return `AMP ${environment}`;
}

export function datasourceUid(repository: string, environment: string): string {
  return uid(`amp-${environment}`, 'datasource', repository, environment);
}

/** `key` identifies the dashboard across runs: its own uid, or its file name when it has none. */
export function dashboardUid(repository: string, environment: string, key: string): string {
  return uid(environment, 'dashboard', repository, environment, key);
}

export function dashboardTitle(title: string, environment: string): string {
  return `${title} (${environment})`;
}

export function environmentTag(environment: string): string {
  return `${ENV_TAG_PREFIX}${environment}`;
}

/** The environment a dashboard belongs to, from its tags; undefined for dashboards the action did not import. */
export function environmentFromTags(tags: readonly string[] | undefined): string | undefined {
  if (!tags?.includes(DASHBOARD_TAG)) return undefined;
  return tags.find((t) => t.startsWith(ENV_TAG_PREFIX))?.slice(ENV_TAG_PREFIX.length);
}
