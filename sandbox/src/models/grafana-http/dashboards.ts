import { roleAllows } from './auth';
import { RequestContext } from './context';
import { folderUrl } from './folders';
import { slugify } from './identifiers';
import { GrafanaReply, json, message } from './reply';
import { Dashboard } from './store';

const NOT_FOUND = message(404, 'Dashboard not found');

export function dashboardUrl(d: Dashboard): string {
  return `/d/${d.uid}/${slugify(String(d.json.title))}`;
}

export function getDashboard({ workspace, params, role }: RequestContext): GrafanaReply {
  const d = workspace.store.dashboards.get(params.uid);
  if (!d) return NOT_FOUND;
  const folder = d.folderUid ? workspace.store.folders.get(d.folderUid) : undefined;
  const canEdit = roleAllows(role, 'EDITOR');
  return json(200, {
    dashboard: structuredClone(d.json),
    meta: {
      type: 'db', canSave: canEdit, canEdit, canAdmin: roleAllows(role, 'ADMIN'), canStar: true, canDelete: canEdit,
      slug: slugify(String(d.json.title)), url: dashboardUrl(d), expires: '0001-01-01T00:00:00Z',
      created: d.created.toISOString(), updated: d.updated.toISOString(), version: d.version, hasAcl: false, isFolder: false,
      folderId: folder?.id ?? 0, folderUid: folder?.uid ?? '', folderTitle: folder?.title ?? 'General', folderUrl: folder ? folderUrl(folder) : '',
      provisioned: false, provisionedExternalId: '',
    },
  });
}

export function deleteDashboard({ workspace, params }: RequestContext): GrafanaReply {
  const d = workspace.store.dashboards.get(params.uid);
  if (!d) return NOT_FOUND;
  workspace.store.dashboards.delete(d.uid);
  const title = String(d.json.title);
  return json(200, { title, message: `Dashboard ${title} deleted`, id: d.id });
}
