import { RequestContext } from './context';
import { dashboardUrl } from './dashboards';
import { folderUrl } from './folders';
import { slugify } from './identifiers';
import { GrafanaReply, json, message } from './reply';

const MAX_LIMIT = 5000;

/**
 * GET /api/search: folders and dashboards, folders first, each alphabetically, as Grafana's
 * search hit list sorts them. Filters combine: type, folderUIDs ("general" is the root),
 * dashboardUIDs, query (case-insensitive title substring), every tag, limit and page.
 */
export function search({ workspace, request }: RequestContext): GrafanaReply {
  const q = request.query;
  const type = q.get('type');
  if (type !== null && type !== 'dash-db' && type !== 'dash-folder') return json(200, []);
  const limit = intParam(q.get('limit')) ?? 1000;
  // unconfirmed message: Grafana refuses a limit above 5000 with 422 rather than capping it.
  if (limit > MAX_LIMIT) return message(422, `Limit is above maximum allowed (${MAX_LIMIT}), use page instead`);
  const page = intParam(q.get('page')) ?? 1;
  const folderUids = listParam(q, 'folderUIDs');
  const dashboardUids = listParam(q, 'dashboardUIDs');
  const tags = q.getAll('tag');
  const text = (q.get('query') ?? '').toLowerCase();

  const { store } = workspace;
  const titleMatches = (title: string) => title.toLowerCase().includes(text);
  const uidMatches = (uid: string) => dashboardUids.length === 0 || dashboardUids.includes(uid);
  const byTitle = <T extends { title: string }>(a: T, b: T) => a.title.toLowerCase().localeCompare(b.title.toLowerCase());

  const folders = type === 'dash-db' || tags.length > 0 || (folderUids.length > 0 && !folderUids.includes('general')) ? [] : [...store.folders.values()]
    .filter((f) => titleMatches(f.title) && uidMatches(f.uid))
    .map((f) => ({
      id: f.id, uid: f.uid, title: f.title, uri: `db/${slugify(f.title)}`, url: folderUrl(f), slug: '', type: 'dash-folder',
      tags: [] as string[], isStarred: false, sortMeta: 0,
    }))
    .sort(byTitle);

  const dashboards = type === 'dash-folder' ? [] : [...store.dashboards.values()]
    .filter((d) => folderUids.length === 0 || folderUids.includes(d.folderUid || 'general'))
    .filter((d) => titleMatches(String(d.json.title)) && uidMatches(d.uid))
    .filter((d) => tags.every((t) => tagsOf(d.json).includes(t)))
    .map((d) => {
      const folder = d.folderUid ? store.folders.get(d.folderUid) : undefined;
      return {
        id: d.id, uid: d.uid, title: String(d.json.title), uri: `db/${slugify(String(d.json.title))}`, url: dashboardUrl(d),
        // Grafana's search hits carry an empty slug; the slug is in uri and url.
        slug: '', type: 'dash-db', tags: tagsOf(d.json), isStarred: false, sortMeta: 0,
        ...(folder ? { folderId: folder.id, folderUid: folder.uid, folderTitle: folder.title, folderUrl: folderUrl(folder) } : {}),
      };
    })
    .sort(byTitle);

  return json(200, [...folders, ...dashboards].slice((page - 1) * limit, page * limit));
}

function tagsOf(dashboard: Record<string, unknown>): string[] {
  return Array.isArray(dashboard.tags) ? dashboard.tags.filter((t): t is string => typeof t === 'string') : [];
}

/** Repeated parameters and comma-separated lists both work, as in Grafana. */
function listParam(q: URLSearchParams, name: string): string[] {
  return q.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function intParam(text: string | null): number | undefined {
  return text !== null && /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
}
