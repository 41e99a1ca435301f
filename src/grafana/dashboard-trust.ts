/**
 * A dashboard from a PR's checkout is untrusted: it may query another environment's data source, or
 * carry HTML and links that put someone else's page inside this workspace. Before import, every
 * data-source reference is bound to this environment's data source, and HTML text panels, library
 * panels and links off the workspace are dropped; what was dropped and rebound is reported.
 *
 * Where a data source can sit in a dashboard (Grafana's own exporter, which turns each of them into
 * a `${DS_…}` input: public/app/features/dashboard/components/DashExportModal/DashboardExporter.ts,
 * and the dashboard JSON model, grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model):
 * - `panels[].datasource` and `panels[].targets[].datasource` (a target without one uses its panel's),
 *   also for panels inside rows (`panels[].panels[]`, collapsed rows) and in the pre-5.0 `rows[].panels[]`;
 * - `templating.list[].datasource` of query and ad hoc variables; variables of type `datasource`
 *   choose a data source themselves (`query` = plugin id, `regex` on the names), and `$var`/`${var}`
 *   references to them may sit in any of the slots above;
 * - `annotations.list[].datasource`;
 * - library panels (`libraryPanel` references, `__elements` models): shared workspace objects.
 * Each slot holds a name or uid (string, before Grafana 8.3), an object `{type, uid}`, a `${DS_…}`
 * input, a variable reference, or nothing (then Grafana uses the org's default data source, which
 * need not be this environment's). Grafana's pseudo data sources are kept: `-- Grafana --` (built-in
 * annotations and the Grafana data source), `-- Mixed --` (each query names its own, and those are
 * bound), `-- Dashboard --` (reuses another panel's queries of this dashboard) and `__expr__`
 * (server-side expressions over this panel's queries).
 * Besides the slots Grafana documents, any other member named `datasource` (plugin options, say) is
 * bound too: a reference the walk does not know is still a reference.
 */

export interface BoundDatasource {
  uid: string;
  name: string;
  pluginId: string;
}

export interface TrustReport {
  /** What was removed, each naming where it was (panel id and title, or the dashboard). */
  dropped: string[];
  /** Data-source references that named something other than this environment's data source or an input. */
  rebound: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Grafana's pseudo data sources; none of them can reach another environment's data. */
const BUILT_IN_UIDS: Record<string, readonly string[]> = {
  '-- Grafana --': ['grafana', 'datasource'],
  grafana: ['grafana', 'datasource'],
  '-- Mixed --': ['datasource'],
  '-- Dashboard --': ['datasource'],
  __expr__: ['__expr__'],
};

function builtIn(ref: unknown): string | undefined {
  if (typeof ref === 'string') return ref.startsWith('-- ') || ref === '__expr__' ? (ref in BUILT_IN_UIDS ? ref : undefined) : undefined;
  if (!isObject(ref) || typeof ref.uid !== 'string') return undefined;
  const types = BUILT_IN_UIDS[ref.uid];
  if (!types) return undefined;
  return ref.type === undefined || types.includes(String(ref.type)) ? ref.uid : undefined;
}

/** Binds every data-source reference of `dashboard` (mutated) to `ds`; returns the foreign ones it replaced. */
export function bindDatasources(dashboard: Json, ds: BoundDatasource): string[] {
  const rebound = new Set<string>();
  const ref = () => ({ type: ds.pluginId, uid: ds.uid });
  const bind = (holder: Json, bindMissing: boolean) => {
    const current = holder.datasource;
    if (builtIn(current)) return;
    if (current === undefined || current === null) {
      if (bindMissing) holder.datasource = ref();
      return;
    }
    const named = typeof current === 'string' ? current : isObject(current) ? String(current.uid ?? current.name ?? '') : JSON.stringify(current);
    if (named !== ds.uid && named !== ds.name && !/^\$\{DS_[^}]*\}$/.test(named)) rebound.add(named || '(empty reference)');
    holder.datasource = ref();
  };

  // The documented slots first, where a missing reference means "the default data source".
  for (const panel of allPanels(dashboard)) {
    const targets = Array.isArray(panel.targets) ? panel.targets.filter(isObject) : [];
    bind(panel, targets.length > 0 && panel.type !== 'row');
    // A query without its own reference uses the panel's; under Mixed that is the default data source.
    const inherits = builtIn(panel.datasource);
    const bindTargets = !inherits || inherits === '-- Mixed --';
    for (const target of targets) bind(target, bindTargets);
  }
  for (const variable of listOf(dashboard.templating)) {
    if (variable.type === 'datasource') pinDatasourceVariable(variable, ds);
    else bind(variable, variable.type === 'query' || variable.type === 'adhoc');
  }
  for (const annotation of listOf(dashboard.annotations)) bind(annotation, annotation.builtIn !== 1);

  // Then every other member named `datasource`, wherever it sits.
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if ('datasource' in node) bind(node, false);
    for (const [key, value] of Object.entries(node)) if (key !== 'datasource') walk(value);
  };
  walk(dashboard);
  return [...rebound].sort();
}

/** A `datasource` variable may offer only this environment's data source. */
function pinDatasourceVariable(variable: Json, ds: BoundDatasource): void {
  variable.query = ds.pluginId;
  variable.regex = `/^${ds.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`;
  variable.multi = false;
  variable.includeAll = false;
  // Grafana's exporter clears the selection too: on load Grafana selects the first (here the only) match.
  variable.current = {};
  variable.options = [];
}

/**
 * Drops from `dashboard` (mutated) what would show content that is not this workspace's: HTML text
 * panels, markdown text panels with raw HTML, library panels, and links off `workspaceUrl`.
 *
 * Text panels (grafana.com/docs/grafana/latest/panels-visualizations/visualizations/text/): `options.mode`
 * is markdown (the default), html or code, `options.content` the text (`mode` and `content` on the
 * panel itself before Grafana 7). Grafana sanitizes HTML unless the workspace disables it, but even
 * sanitized HTML can frame or imitate a login page, and markdown passes raw HTML through.
 * Links: dashboard `links` of type `link` (type `dashboards` lists this workspace's dashboards by
 * tag), panel `links`, data links in `fieldConfig.defaults.links` and field overrides (`{id: "links"}`),
 * `options.dataLinks` of the old graph panel, and `styles[].linkUrl` of the old table panel.
 */
export function dropUntrusted(dashboard: Json, workspaceUrl: string): string[] {
  const dropped: string[] = [];
  const origin = new URL(workspaceUrl).origin;
  const offsite = (url: unknown) => typeof url !== 'string' || !onWorkspace(url, origin);

  const keepPanels = (panels: unknown[]): unknown[] => panels.filter((p) => {
    if (!isObject(p)) return true;
    const where = panelName(p);
    if (isObject(p.libraryPanel)) {
      dropped.push(`${where}: library panel '${String(p.libraryPanel.name ?? p.libraryPanel.uid ?? '')}' (a shared workspace object, not bound to this environment)`);
      return false;
    }
    const html = htmlText(p);
    if (html) {
      dropped.push(`${where}: ${html}`);
      return false;
    }
    dropLinks(p, where);
    if (Array.isArray(p.panels)) p.panels = keepPanels(p.panels);
    return true;
  });

  const dropLinks = (panel: Json, where: string) => {
    const filter = (links: unknown[], what: string): unknown[] => links.filter((l) => {
      if (!isObject(l) || !offsite(l.url)) return true;
      dropped.push(`${where}: ${what} '${String(l.title ?? '')}' to ${hostOf(l.url)}`);
      return false;
    });
    if (Array.isArray(panel.links)) panel.links = filter(panel.links, 'panel link');
    const fieldConfig = isObject(panel.fieldConfig) ? panel.fieldConfig : {};
    if (isObject(fieldConfig.defaults) && Array.isArray(fieldConfig.defaults.links)) fieldConfig.defaults.links = filter(fieldConfig.defaults.links, 'data link');
    for (const override of Array.isArray(fieldConfig.overrides) ? fieldConfig.overrides.filter(isObject) : []) {
      for (const property of Array.isArray(override.properties) ? override.properties.filter(isObject) : []) {
        if (property.id === 'links' && Array.isArray(property.value)) property.value = filter(property.value, 'data link');
      }
    }
    if (isObject(panel.options) && Array.isArray(panel.options.dataLinks)) panel.options.dataLinks = filter(panel.options.dataLinks, 'data link');
    for (const style of Array.isArray(panel.styles) ? panel.styles.filter(isObject) : []) {
      if (style.linkUrl !== undefined && offsite(style.linkUrl)) {
        dropped.push(`${where}: table column link '${String(style.linkTooltip ?? style.pattern ?? '')}' to ${hostOf(style.linkUrl)}`);
        delete style.linkUrl;
        style.link = false;
      }
    }
  };

  if (Array.isArray(dashboard.panels)) dashboard.panels = keepPanels(dashboard.panels);
  for (const row of Array.isArray(dashboard.rows) ? dashboard.rows.filter(isObject) : []) {
    if (Array.isArray(row.panels)) row.panels = keepPanels(row.panels);
  }
  if (Array.isArray(dashboard.links)) {
    dashboard.links = dashboard.links.filter((l) => {
      if (!isObject(l) || l.type === 'dashboards' || !offsite(l.url)) return true;
      dropped.push(`dashboard link '${String(l.title ?? '')}' to ${hostOf(l.url)}`);
      return false;
    });
  }
  // Library panels' models: imported as shared workspace objects, and no panel uses them any more.
  if (isObject(dashboard.__elements) && Object.keys(dashboard.__elements).length > 0) {
    dropped.push(`${Object.keys(dashboard.__elements).length} library panel definition(s) (__elements)`);
  }
  delete dashboard.__elements;
  return dropped;
}

/** Why a text panel is dropped, or undefined for one that shows only markdown or code. */
function htmlText(panel: Json): string | undefined {
  if (panel.type !== 'text') return undefined;
  const options = isObject(panel.options) ? panel.options : {};
  const mode = String(options.mode ?? panel.mode ?? 'markdown');
  const content = String(options.content ?? panel.content ?? '');
  if (mode === 'html') return 'text panel in HTML mode';
  // A tag, comment or processing instruction: what CommonMark passes through as raw HTML.
  if (mode !== 'code' && /<[A-Za-z!/?]/.test(content)) return 'text panel with raw HTML in its markdown';
  return undefined;
}

/**
 * A link that stays on the workspace: a path (`/d/…`, not `//host` or `/\host`, which browsers
 * read as another host), a query or fragment, or an absolute URL of the workspace's origin. A
 * variable before the path (`${url}/…`) could expand to any host, so it counts as off the workspace.
 */
export function onWorkspace(url: string, origin: string): boolean {
  const u = url.trim();
  if (/^\/(?![/\\])/.test(u) || /^[?#]/.test(u)) return true;
  if (!u.toLowerCase().startsWith(origin.toLowerCase())) return false;
  const rest = u.slice(origin.length);
  return rest === '' || (/^[/?#]/.test(rest) && !/^\/[/\\]/.test(rest));
}

function hostOf(url: unknown): string {
  if (typeof url !== 'string') return 'an unknown place';
  try {
    return new URL(url).host || url.slice(0, 60);
  } catch {
    return url.slice(0, 60) || '(empty)';
  }
}

function panelName(p: Json): string {
  return `panel ${typeof p.id === 'number' || typeof p.id === 'string' ? p.id : '?'} '${typeof p.title === 'string' ? p.title : ''}'`;
}

function listOf(holder: unknown): Json[] {
  return isObject(holder) && Array.isArray(holder.list) ? holder.list.filter(isObject) : [];
}

/** Every panel: top level, inside rows (collapsed rows hold theirs in `panels`), and pre-5.0 `rows[].panels`. */
function allPanels(dashboard: Json): Json[] {
  const out: Json[] = [];
  const visit = (panels: unknown) => {
    for (const p of Array.isArray(panels) ? panels.filter(isObject) : []) {
      out.push(p);
      visit(p.panels);
    }
  };
  visit(dashboard.panels);
  for (const row of Array.isArray(dashboard.rows) ? dashboard.rows.filter(isObject) : []) visit(row.panels);
  return out;
}
