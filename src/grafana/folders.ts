import { GrafanaApiError, GrafanaClient } from './client';
import { ActionError } from '../util/errors';

interface Folder {
  uid: string;
  title: string;
  url: string;
  version?: number;
}

/**
 * The environment's folder, created on the first run. Only the folder with the uid derived for the
 * repository and environment is ever used: a folder of the same title is someone else's.
 *
 * A create that fails because the folder exists says so differently by version: a duplicate uid is
 * 409 on Grafana 9.3–10.x and 412 `version-mismatch` from 11; on 9.x/10.x a title whose slug
 * equals another folder's is 409 as well (pkg/services/folder, pkg/api/apierrors/folder.go). So
 * after a 409/412 the uid is looked up again: there, a racing run of this environment created it;
 * absent, the title belongs to another folder, which is named in the error and left alone.
 */
export async function ensureFolder(api: GrafanaClient, uid: string, title: string): Promise<Folder & { action: 'created' | 'reused' }> {
  const path = `/api/folders/${encodeURIComponent(uid)}`;
  const existing = await api.find<Folder>(path);
  if (existing) {
    if (existing.title === title) return { ...existing, action: 'reused' };
    // A title from an earlier version of the action (without the repository): renamed in place.
    try {
      const renamed = await api.put<Folder>(path, { title, overwrite: true });
      return { ...existing, ...renamed, title, action: 'reused' };
    } catch (err) {
      if (err instanceof GrafanaApiError && (err.status === 409 || err.status === 412)) throw await titleTaken(api, title, uid);
      throw err;
    }
  }
  try {
    return { ...(await api.post<Folder>('/api/folders', { uid, title })), action: 'created' };
  } catch (err) {
    if (err instanceof GrafanaApiError && (err.status === 409 || err.status === 412)) {
      const raced = await api.find<Folder>(path);
      if (raced) return { ...raced, action: 'reused' };
      throw await titleTaken(api, title, uid);
    }
    throw err;
  }
}

async function titleTaken(api: GrafanaClient, title: string, uid: string): Promise<ActionError> {
  const slug = slugOf(title);
  const folders = await api.get<{ uid: string; title: string }[]>('/api/folders?limit=1000').catch(() => []);
  const other = folders.find((f) => f.uid !== uid && (f.title === title || slugOf(f.title) === slug));
  return new ActionError(
    `Grafana refused the folder '${title}': ${other ? `folder '${other.title}' (uid ${other.uid})` : 'another folder'} has the same name, and it is not the one this action manages (uid ${uid}), so it was left as it is.`,
    'Rename or delete that folder in Grafana (Grafana before 11 allows one folder per title), then re-run the step.',
  );
}

/** Grafana's slug of a title (lower case, runs of other characters one dash), for naming the clash. */
function slugOf(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
