import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ActionError } from '../util/errors';
import { checkDashboard } from './dashboard-check';

export interface DashboardFile {
  /** Path as shown to the user (relative to the workspace, or dashboards/… for the bundled ones). */
  file: string;
  /** Identifies the dashboard across runs: its uid, else its file name. */
  key: string;
  /** The bundled ECS dashboard (its URL is the dashboard-url output). */
  primary: boolean;
  dashboard: Record<string, unknown>;
}

export interface DashboardInput {
  name: string;
  type: string;
  pluginId?: string;
  value?: string;
}

/** Plugin ids a dashboard input may ask for and still be bound to the environment's AMP data source. */
const PROMETHEUS_PLUGINS = new Set(['prometheus', 'grafana-amazonprometheus-datasource']);

/**
 * Reads the bundled dashboards and the user's, and checks all of them before anything is written
 * to Grafana: unreadable JSON, a missing title, PromQL that does not parse, or an input the action
 * cannot bind are reported together, each naming its file (and panel).
 */
export function loadDashboards(bundledDir: string, workspace: string, userPath?: string): DashboardFile[] {
  const problems: string[] = [];
  const files: DashboardFile[] = [];
  const read = (path: string, shown: string, primary: boolean) => {
    let dashboard: unknown;
    try {
      dashboard = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      problems.push(`${shown}: not valid JSON (${(err as Error).message})`);
      return;
    }
    if (!dashboard || typeof dashboard !== 'object' || Array.isArray(dashboard)) {
      problems.push(`${shown}: not a dashboard (the file must hold one JSON object, as Grafana's "Export for sharing externally" writes it)`);
      return;
    }
    // Exports from the Grafana API wrap the model: {"dashboard": {...}, "meta": {...}}.
    const model = (('dashboard' in dashboard) && typeof (dashboard as { dashboard: unknown }).dashboard === 'object'
      ? (dashboard as { dashboard: Record<string, unknown> }).dashboard : dashboard) as Record<string, unknown>;
    const before = problems.length;
    problems.push(...checkDashboard(shown, model), ...inputProblems(shown, model));
    if (problems.length > before) return;
    const key = typeof model.uid === 'string' && model.uid ? model.uid : basename(path, '.json');
    files.push({ file: shown, key, primary, dashboard: model });
  };

  for (const name of jsonFiles(bundledDir)) read(join(bundledDir, name), `dashboards/${name}`, name === 'ecs-task-monitoring.json');
  if (userPath) {
    const full = join(workspace, userPath);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      throw new ActionError(`Input 'dashboards-path': '${userPath}' does not exist in the workspace (${workspace}).`,
        'Check out the repository first (actions/checkout) and give a path relative to it, e.g. dashboards/.');
    }
    const paths = isDir ? jsonFiles(full).map((n) => join(full, n)) : [full];
    if (paths.length === 0) problems.push(`${userPath}: no .json files in this folder`);
    for (const p of paths) read(p, relative(workspace, p), false);
  }
  // One folder holds them all, and Grafana refuses (or silently merges) two dashboards of one title there.
  const uids = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const f of files) {
    const title = String(f.dashboard.title).trim().toLowerCase();
    if (uids.has(f.key)) problems.push(`${f.file}: same uid '${f.key}' as ${uids.get(f.key)}; give each dashboard its own uid`);
    else if (titles.has(title)) problems.push(`${f.file}: same title '${String(f.dashboard.title)}' as ${titles.get(title)}; give each dashboard its own title`);
    uids.set(f.key, f.file);
    titles.set(title, f.file);
  }
  if (problems.length > 0) {
    throw new ActionError(`Input 'dashboards-path': ${problems.length} problem(s) in the dashboards; nothing was written to Grafana:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      'Fix the files named above (export dashboards with "Export for sharing externally" so their data sources become __inputs).');
  }
  return files;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
}

/** Every __inputs entry must be something the import can fill: a Prometheus data source or a constant. */
function inputProblems(file: string, model: Record<string, unknown>): string[] {
  const inputs = model.__inputs;
  if (inputs === undefined) return [];
  if (!Array.isArray(inputs)) return [`${file}: __inputs is not a list`];
  return (inputs as DashboardInput[]).flatMap((input) => {
    if (!input || typeof input.name !== 'string') return [`${file}: an __inputs entry has no name`];
    if (input.type === 'constant') return [];
    if (input.type === 'datasource' && PROMETHEUS_PLUGINS.has(input.pluginId ?? '')) return [];
    return [`${file}: input '${input.name}' needs a ${input.pluginId ?? input.type} ${input.type}; the action can only bind Prometheus data sources (the environment's AMP workspace) and constants`];
  });
}
