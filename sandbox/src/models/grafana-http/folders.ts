import { roleAllows } from './auth';
import { RequestContext } from './context';
import { generateUid, slugify, uidProblem } from './identifiers';
import { BAD_REQUEST_DATA, GrafanaReply, json, jsonObject, message } from './reply';
import { Folder, GrafanaStore } from './store';
import { folderTitlesUnique } from './versions';

// Status codes and messages of pkg/api/apierrors/folder.go (ToFolderErrorResponse) and
// pkg/services/dashboards/errors.go.
const NOT_FOUND = json(404, { status: 'not-found', message: 'folder not found' });
const TITLE_EMPTY = message(400, 'folder title cannot be empty');
// dashboards.ErrFolderSameNameExists, 409 before Grafana 11 (titles are unique by slug there).
const SAME_NAME = message(409, 'a folder or dashboard in the general folder with the same name already exists');

/** The folder (other than `except`) whose title has the same slug, where the version keeps titles unique. */
function sameTitle(store: GrafanaStore, title: string, grafanaVersion: string, except?: string): Folder | undefined {
  if (!folderTitlesUnique(grafanaVersion)) return undefined;
  const slug = slugify(title);
  return [...store.folders.values()].find((f) => f.uid !== except && slugify(f.title) === slug);
}

export function folderUrl(folder: Pick<Folder, 'uid' | 'title'>): string {
  return `/dashboards/f/${folder.uid}/${slugify(folder.title)}`;
}

export function listFolders({ workspace, request }: RequestContext): GrafanaReply {
  const limit = positiveInt(request.query.get('limit')) ?? 1000;
  const page = positiveInt(request.query.get('page')) ?? 1;
  const all = [...workspace.store.folders.values()].sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase()));
  return json(200, all.slice((page - 1) * limit, page * limit).map((f) => ({ id: f.id, uid: f.uid, title: f.title })));
}

export function getFolder(ctx: RequestContext): GrafanaReply {
  const folder = ctx.workspace.store.folders.get(ctx.params.uid);
  return folder ? json(200, dto(folder, ctx)) : NOT_FOUND;
}

export function createFolder(ctx: RequestContext): GrafanaReply {
  const store = ctx.workspace.store;
  const body = jsonObject(ctx.request.body);
  if (!body || !optionalString(body.uid) || !optionalString(body.title)) return BAD_REQUEST_DATA;
  const title = String(body.title ?? '').trim();
  if (!title) return TITLE_EMPTY;
  const uid = (body.uid as string | undefined) || generateUid();
  const problem = uidProblem(uid);
  if (problem) return message(400, problem);
  if (store.folders.has(uid) || store.dashboards.has(uid)) {
    // From Grafana 11 the folder service's create reports a taken uid as a version conflict.
    return folderTitlesUnique(ctx.workspace.grafanaVersion)
      ? message(409, 'a folder/dashboard with the same uid already exists')
      : json(412, { status: 'version-mismatch', message: 'the folder has been changed by someone else' });
  }
  if (sameTitle(store, title, ctx.workspace.grafanaVersion)) return SAME_NAME;
  const now = new Date();
  const folder: Folder = { id: store.newDashboardId(), uid, title, version: 1, created: now, updated: now };
  store.folders.set(uid, folder);
  return json(200, dto(folder, ctx));
}

/** A rename. Without `overwrite`, the caller's `version` must be the stored one (optimistic locking). */
export function updateFolder(ctx: RequestContext): GrafanaReply {
  const body = jsonObject(ctx.request.body);
  if (!body || !optionalString(body.title) || (body.version !== undefined && !Number.isInteger(body.version))
    || (body.overwrite !== undefined && typeof body.overwrite !== 'boolean')) return BAD_REQUEST_DATA;
  const folder = ctx.workspace.store.folders.get(ctx.params.uid);
  if (!folder) return NOT_FOUND;
  if (body.overwrite !== true && (body.version ?? 0) !== folder.version) {
    return json(412, { status: 'version-mismatch', message: 'the folder has been changed by someone else' });
  }
  if (body.title !== undefined) {
    const title = String(body.title).trim();
    if (!title) return TITLE_EMPTY;
    if (sameTitle(ctx.workspace.store, title, ctx.workspace.grafanaVersion, folder.uid)) return SAME_NAME;
    folder.title = title;
  }
  folder.version += 1;
  folder.updated = new Date();
  return json(200, dto(folder, ctx));
}

/** Deleting a folder deletes the dashboards in it. */
export function deleteFolder({ workspace, params }: RequestContext): GrafanaReply {
  const store = workspace.store;
  const folder = store.folders.get(params.uid);
  if (!folder) return NOT_FOUND;
  for (const d of [...store.dashboards.values()]) if (d.folderUid === folder.uid) store.dashboards.delete(d.uid);
  store.folders.delete(folder.uid);
  return json(200, { title: folder.title, message: `Folder ${folder.title} deleted`, id: folder.id });
}

function dto(folder: Folder, { role }: RequestContext) {
  const canEdit = roleAllows(role, 'EDITOR');
  return {
    id: folder.id, uid: folder.uid, orgId: 1, title: folder.title, url: folderUrl(folder), hasAcl: false,
    canSave: canEdit, canEdit, canAdmin: roleAllows(role, 'ADMIN'), canDelete: canEdit,
    created: folder.created.toISOString(), updated: folder.updated.toISOString(), version: folder.version,
  };
}

const optionalString = (v: unknown) => v === undefined || v === null || typeof v === 'string';

function positiveInt(text: string | null): number | undefined {
  return text && /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
}
