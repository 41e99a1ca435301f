import { RequestContext } from './context';
import { GrafanaReply } from './reply';

// The browser pages the action links to. Real Grafana serves its single-page app for any path and
// needs a login; the sandbox answers 200 only for things that exist, so a test can prove a link.

export function dashboardPage({ workspace, params }: RequestContext): GrafanaReply {
  const d = workspace.store.dashboards.get(params.uid);
  return d ? page(200, `${String(d.json.title)} - Dashboards - Grafana`) : page(404, 'Page not found - Grafana');
}

export function folderPage({ workspace, params }: RequestContext): GrafanaReply {
  const f = workspace.store.folders.get(params.uid);
  return f ? page(200, `${f.title} - Dashboards - Grafana`) : page(404, 'Page not found - Grafana');
}

export function notFoundPage(): GrafanaReply {
  return page(404, 'Page not found - Grafana');
}

function page(status: number, title: string): GrafanaReply {
  return { status, html: true, body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body></body></html>` };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
