import { GrafanaApiError, GrafanaClient } from './client';

interface Folder {
  uid: string;
  title: string;
  url: string;
  version?: number;
}

/** The environment's folder, created on the first run; a racing run's create (409/412) counts as found. */
export async function ensureFolder(api: GrafanaClient, uid: string, title: string): Promise<Folder & { action: 'created' | 'reused' }> {
  const existing = await api.find<Folder>(`/api/folders/${encodeURIComponent(uid)}`);
  if (existing) {
    if (existing.title !== title) await api.put(`/api/folders/${encodeURIComponent(uid)}`, { title, overwrite: true });
    return { ...existing, title, action: 'reused' };
  }
  try {
    return { ...(await api.post<Folder>('/api/folders', { uid, title })), action: 'created' };
  } catch (err) {
    if (err instanceof GrafanaApiError && (err.status === 409 || err.status === 412)) {
      const raced = await api.find<Folder>(`/api/folders/${encodeURIComponent(uid)}`);
      if (raced) return { ...raced, action: 'reused' };
    }
    throw err;
  }
}
