import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { ActionError } from '../util/errors';
import { checkDashboard } from './dashboard-check';
import { jsonProblem } from './json-position';

/**
 * The largest dashboard file read: 16 MiB, the most Grafana can store of one dashboard. Its
 * `dashboard.data` column is MEDIUMTEXT on MySQL (pkg/services/sqlstore/migrations/dashboard_mig.go),
 * 16,777,215 bytes, and a larger dashboard is silently truncated (grafana/grafana#101094).
 */
export const MAX_DASHBOARD_FILE_BYTES = 16 * 1024 * 1024;
/**
 * The most read in all: every dashboard is held in memory, parsed, and sent within one step. Two
 * dashboards of Grafana's maximum size is far beyond any real set, and keeps a runaway folder from
 * costing the runner's memory or the step's time before anything is written.
 */
export const MAX_DASHBOARDS_TOTAL_BYTES = 32 * 1024 * 1024;

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
  let total = 0;
  const read = (path: string, shown: string, primary: boolean) => {
    const text = readCapped(path, shown, problems, () => total, (n) => (total += n));
    if (text === undefined) return;
    let dashboard: unknown;
    try {
      dashboard = JSON.parse(text);
    } catch {
      // By position only: V8's message quotes the text, and the text need not be the user's to show.
      problems.push(`${shown}: ${jsonProblem(text)}`);
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
    for (const { path, shown, outside } of userFiles(workspace, userPath, problems)) {
      if (outside) problems.push(`${shown}: a symbolic link to a file outside the workspace; refused (only files of the checkout are imported)`);
      else read(path, shown, false);
    }
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

const inside = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);

/**
 * The .json files `userPath` names, contained by their real paths: a path, a folder or a file that
 * resolves (through symbolic links or '..') outside the workspace is refused; links that stay
 * inside are followed. Files are returned by real path, so what is read is what was checked.
 */
function userFiles(workspace: string, userPath: string, problems: string[]): { path: string; shown: string; outside: boolean }[] {
  let root: string;
  let real: string;
  try {
    root = realpathSync(workspace);
    real = realpathSync(join(workspace, userPath));
  } catch {
    throw new ActionError(`Input 'dashboards-path': '${userPath}' does not exist in the workspace (${workspace}).`,
      'Check out the repository first (actions/checkout) and give a path relative to it, e.g. dashboards/.');
  }
  if (!inside(root, real)) {
    throw new ActionError(`Input 'dashboards-path': '${userPath}' leads outside the workspace (through a symbolic link or '..'); nothing was read.`,
      'Give a folder or file of the checkout itself; dashboards must come from the repository, not from elsewhere on the runner.');
  }
  let isDir: boolean;
  try {
    isDir = fstatOf(real).isDirectory();
  } catch {
    throw new ActionError(`Input 'dashboards-path': '${userPath}' cannot be read.`, 'Check the path and its permissions in the checkout.');
  }
  if (!isDir) return [{ path: real, shown: relative(workspace, join(workspace, userPath)), outside: false }];
  const names = jsonFiles(real);
  if (names.length === 0) problems.push(`${userPath}: no .json files in this folder`);
  return names.map((name) => {
    const shown = relative(workspace, join(workspace, userPath, name));
    try {
      const file = realpathSync(join(real, name));
      return { path: file, shown, outside: !inside(root, file) };
    } catch {
      // A dangling link: reported by the read.
      return { path: join(real, name), shown, outside: false };
    }
  });
}

function fstatOf(path: string) {
  const fd = openSync(path, 'r');
  try {
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's text, or undefined with a problem recorded: sizes are checked on the open file before
 * anything is read, against the per-file and the total cap, and no more than the checked size is read.
 */
function readCapped(path: string, shown: string, problems: string[], total: () => number, add: (n: number) => void): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    problems.push(`${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      problems.push(`${shown}: not a regular file`);
      return undefined;
    }
    if (stat.size > MAX_DASHBOARD_FILE_BYTES) {
      problems.push(`${shown}: ${mib(stat.size)} is over the ${mib(MAX_DASHBOARD_FILE_BYTES)} a Grafana dashboard can hold; not read`);
      return undefined;
    }
    if (total() + stat.size > MAX_DASHBOARDS_TOTAL_BYTES) {
      problems.push(`${shown}: with it the dashboards would exceed ${mib(MAX_DASHBOARDS_TOTAL_BYTES)} in all; not read`);
      return undefined;
    }
    add(stat.size);
    const buffer = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const n = readSync(fd, buffer, filled, stat.size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    const text = buffer.subarray(0, filled).toString('utf8');
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    problems.push(`${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
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
