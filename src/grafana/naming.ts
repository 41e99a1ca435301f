import { createHash } from 'node:crypto';
import { repositoryHash } from '../tags';

/**
 * Names and uids of what an environment owns inside a Grafana workspace. Grafana objects carry no
 * AWS tags, so ownership is by construction: every uid is derived from the repository AND the
 * environment, and dashboards carry tags that name both (cleanup reads them). A workspace may be
 * shared by several repositories (grafana-workspace-id), so names that Grafana keeps unique
 * (data-source names; folder titles, by slug, before Grafana 11) name the repository too: two
 * repositories' `pr-1` never collide, and neither ever adopts the other's object.
 */

/** Grafana uids: at most 40 characters of letters, digits, '-' and '_'. */
const UID_MAX = 40;
export const DASHBOARD_TAG = 'ecs-amp-action';
const ENV_TAG_PREFIX = 'preview:';
/**
 * Grafana stores a dashboard tag in 50 characters at most (dashboard_tag.term), too short for
 * owner/name, so the repository tag carries the repository's hash (the one stack and token names use).
 */
const REPO_TAG_PREFIX = 'repo:';
const DATASOURCE_PREFIX = 'AMP ';
const FOLDER_PREFIX = 'Preview ';

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

/** `Preview <env> (<owner/repo>)`: unique per repository and environment, so its slug is too. */
export function folderTitle(environment: string, repository: string): string {
  return `${FOLDER_PREFIX}${environment} (${repository})`;
}

/** `AMP <env> (<owner/repo>)`: Grafana data-source names are unique in the org. */
export function datasourceName(environment: string, repository: string): string {
  return `${DATASOURCE_PREFIX}${environment} (${repository})`;
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

export function repositoryTag(repository: string): string {
  return `${REPO_TAG_PREFIX}${repositoryHash(repository)}`;
}

/** True for tags the action writes itself (an imported file's own copies of them are dropped). */
export function isActionTag(tag: string): boolean {
  return tag === DASHBOARD_TAG || tag.startsWith(ENV_TAG_PREFIX) || tag.startsWith(REPO_TAG_PREFIX);
}

/** The environment a dashboard belongs to, from its tags; undefined for dashboards the action did not import. */
export function environmentFromTags(tags: readonly string[] | undefined): string | undefined {
  if (!tags?.includes(DASHBOARD_TAG)) return undefined;
  return tags.find((t) => t.startsWith(ENV_TAG_PREFIX))?.slice(ENV_TAG_PREFIX.length);
}

/**
 * Whether a dashboard the search found is `repository`'s: its repository tag says so, or (imported
 * by a version of the action before repository tags) it has none and sits in the folder whose uid
 * is derived for this repository and its environment. Another repository's dashboard is never ours.
 */
export function isOwnDashboard(hit: { tags?: readonly string[]; folderUid?: string }, repository: string): boolean {
  const env = environmentFromTags(hit.tags);
  if (env === undefined) return false;
  const repoTags = (hit.tags ?? []).filter((t) => t.startsWith(REPO_TAG_PREFIX));
  if (repoTags.length > 0) return repoTags.includes(repositoryTag(repository));
  return hit.folderUid === folderUid(repository, env);
}

/**
 * The environment a folder or data-source name stands for, when it has the action's shape: the
 * current `<prefix><env> (<repo>)` for this repository, or the `<prefix><env>` of earlier versions.
 * Only a candidate: the caller proves ownership by the uid derived for the repository and it.
 */
function environmentFromName(name: string, prefix: string, repository: string): string | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  const suffix = ` (${repository})`;
  if (rest.endsWith(suffix)) return rest.slice(0, -suffix.length) || undefined;
  return /^[^\s()]+$/.test(rest) ? rest : undefined;
}

export function environmentFromFolderTitle(title: string, repository: string): string | undefined {
  return environmentFromName(title, FOLDER_PREFIX, repository);
}

export function environmentFromDatasourceName(name: string, repository: string): string | undefined {
  return environmentFromName(name, DATASOURCE_PREFIX, repository);
}
