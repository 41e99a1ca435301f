import * as core from '@actions/core';
import { requireEnvironmentWorkspace } from '../aws/amp';
import { requireGrafanaWorkspace } from '../aws/grafana';
import { withGrafanaToken } from '../aws/grafana-token';
import { assetDir } from '../assets';
import { GrafanaClient } from '../grafana/client';
import { DashboardFile, loadDashboards } from '../grafana/dashboard-files';
import { checkDatasourceHealth, datasourceUrl, pluginFor, upsertDatasource } from '../grafana/datasource';
import { ensureFolder } from '../grafana/folders';
import { planImport } from '../grafana/import-plan';
import { runAttemptCompleted } from '../github/run-state';
import { code, plain } from '../render/markdown';
import { datasourceName, datasourceUid, folderTitle, folderUid } from '../grafana/naming';
import type { Inputs, RunContext } from '../inputs/types';
import type { Link } from '../render/report';
import { renderDashboardTable } from '../render/dashboards';
import { mapSettled } from '../util/concurrency';
import { ActionError } from '../util/errors';
import { timed } from '../util/timing';
import { ACTION_NAME, ACTION_VERSION } from '../version';
import { ModeContext, ModeFailure, ModeResult } from './types';
import { info } from '../util/log';

interface ImportAnswer {
  uid: string;
  title: string;
  importedUrl: string;
}

export interface ImportedDashboard {
  file: string;
  title: string;
  url: string;
  primary: boolean;
}

/**
 * The token's lifetime, as short as the step's Grafana work allows, since a killed step leaves it
 * alive until then (the post step deletes it, unless the whole job is gone). That work is a few
 * sequential rounds (find and write the data source and folder; the health check beside the
 * imports, four at a time); each call gives up after about 90 s of backoff (src/grafana/client.ts).
 * Ten minutes covers several rounds under heavy throttling; the client starts no request the token
 * would not outlive (GRAFANA_WORK_MARGIN_MS), so a slower Grafana fails clearly instead of with 401s.
 * Never past the step's own deadline, and never under a minute.
 */
export const GRAFANA_WORK_SECONDS = 600;
const GRAFANA_WORK_MARGIN_MS = 10_000;

export function tokenTtlSeconds(deadline: number, now = Date.now()): number {
  return Math.min(GRAFANA_WORK_SECONDS, Math.max(60, Math.ceil((deadline - now) / 1000)));
}

/** Per dashboard file, what its import dropped and rebound (reported in the log and the summary). */
export interface TrustNote {
  file: string;
  dropped: string[];
  rebound: string[];
}

function prepare(inputs: Inputs, run: RunContext): DashboardFile[] {
  if (!inputs.grafana) {
    throw new ActionError("Input 'grafana': mode dashboard needs Grafana, but grafana is false.", 'Set grafana: true (and run provision with it), or skip the dashboard step.');
  }
  return loadDashboards(assetDir('dashboards'), run.workspace, inputs.dashboardsPath);
}

/**
 * Gives the environment its data source, folder and dashboards in the repository's Grafana
 * workspace, through the workspace's own HTTP API with a token that lives only for this step.
 */
async function run(ctx: ModeContext): Promise<ModeResult> {
  const { inputs, clients, owner } = ctx;
  const files = ctx.prepared as DashboardFile[];
  const timings: Record<string, number> = {};
  const log = (line: string) => info(line);

  const [amp, grafana] = await timed(timings, 'workspace lookup', () => Promise.all([
    requireEnvironmentWorkspace(clients.amp, { alias: inputs.ampWorkspaceAlias, owner, existingId: inputs.ampWorkspaceId }),
    requireGrafanaWorkspace(clients.grafana, { name: inputs.grafanaWorkspaceName, owner: { repository: owner.repository }, existingId: inputs.grafanaWorkspaceId }),
  ]));
  const pluginId = pluginFor(grafana.grafanaVersion);
  log(`Grafana workspace ${grafana.id} (Grafana ${grafana.grafanaVersion ?? '?'}) at ${grafana.url}; AMP workspace ${amp.id}; data source plugin ${pluginId}`);

  const partial = { headline: 'dashboard failed', outputs: { 'grafana-workspace-id': grafana.id, 'grafana-url': grafana.url }, links: [], timings };
  try {
    const ttlSeconds = tokenTtlSeconds(ctx.deadline);
    const tokenOwner = { repository: ctx.owner.repository, runId: ctx.run.runId, runAttempt: process.env.GITHUB_RUN_ATTEMPT };
    const runCompleted = (runId: string, attempt: string) => runAttemptCompleted({
      token: inputs.githubToken, repository: ctx.owner.repository, runId, attempt,
    });
    const notes: TrustNote[] = [];
    let unchecked: string | undefined;
    const useGrafana = async (api: GrafanaClient) => {
      const dsName = datasourceName(inputs.environment, owner.repository);
      const [datasource, folder] = await timed(timings, 'data source and folder', () => Promise.all([
        upsertDatasource(api, {
          uid: datasourceUid(owner.repository, inputs.environment), name: dsName, type: pluginId,
          url: datasourceUrl(amp.prometheusEndpoint), region: inputs.region,
        }),
        ensureFolder(api, folderUid(owner.repository, inputs.environment), folderTitle(inputs.environment, owner.repository)),
      ]));
      log(`Data source '${dsName}' ${datasource.action} (uid ${datasource.uid}); folder '${folder.title}' ${folder.action}`);

      // The health check and the imports are independent: run them side by side, report both.
      const [health, imports] = await Promise.all([
        timed(timings, 'data source health', () => checkDatasourceHealth(api, datasource.uid, dsName, pluginId)).then((check) => {
          if (check.method === 'query') log(`Data source '${dsName}' answered a query (Grafana ${grafana.grafanaVersion ?? '?'} has no health check for ${pluginId})`);
          if (check.method === 'unchecked') {
            core.warning(`The data source '${dsName}' could not be checked: Grafana ${grafana.grafanaVersion ?? '?'} has no health check for ${pluginId}, and a test query gave no verdict (${check.detail ?? 'no detail'}). Open a dashboard to see whether it shows data.`);
          }
          unchecked = check.method === 'unchecked' ? check.detail ?? 'no verdict' : undefined;
          return undefined;
        }, (err: unknown) => err),
        timed(timings, 'dashboard import', () => mapSettled(files, 4, async (file) => {
          const plan = planImport(file, {
            repository: ctx.owner.repository, environment: inputs.environment, folderUid: folder.uid,
            datasourceUid: datasource.uid, datasourceName: dsName, pluginId, workspaceUrl: grafana.url,
          });
          if (plan.dropped.length || plan.rebound.length) {
            notes.push({ file: file.file, dropped: plan.dropped, rebound: plan.rebound });
            for (const d of plan.dropped) log(`${file.file}: dropped ${d}`);
            if (plan.rebound.length) log(`${file.file}: bound data source reference(s) ${plan.rebound.map((r) => `'${r}'`).join(', ')} to '${dsName}'`);
          }
          const answer = await api.post<ImportAnswer>('/api/dashboards/import', plan.request);
          const imported: ImportedDashboard = { file: file.file, title: answer.title, url: `${grafana.url}${answer.importedUrl}`, primary: file.primary };
          log(`Imported ${file.file} as '${imported.title}': ${imported.url}`);
          return imported;
        })),
      ]);
      return { datasourceUid: datasource.uid, folderUrl: `${grafana.url}${folder.url}`, health, imports };
    };
    const outcome = await withGrafanaToken(clients.grafana, grafana.id, { owner: tokenOwner, ttlSeconds, log, runCompleted }, async (token) => {
      const api = new GrafanaClient({
        baseUrl: grafana.url, token: token.key, userAgent: `${ACTION_NAME}/${ACTION_VERSION}`, log: (l) => info(l),
        deadline: Date.now() + ttlSeconds * 1000 - GRAFANA_WORK_MARGIN_MS,
      });
      try {
        return await useGrafana(api);
      } finally {
        // What still runs here lost its purpose when a sibling failed: stop it before the token goes.
        api.stop();
      }
    });

    const dashboards = outcome.imports.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failures = outcome.imports.flatMap((r, i) => (r.status === 'rejected' ? [`${files[i].file}: ${(r.reason as Error).message}`] : []));
    const result = withTrustSection(resultOf(grafana.id, grafana.url, outcome.folderUrl, outcome.datasourceUid, dashboards, timings), notes, datasourceName(inputs.environment, owner.repository));
    if (unchecked !== undefined) {
      result.sections = [...(result.sections ?? []), {
        title: 'data source not checked',
        markdown: `Grafana ${plain(grafana.grafanaVersion ?? '?')} has no health check for ${code(pluginId)} and a test query gave no verdict (${plain(unchecked)}): whether the workspace role can query AMP was not checked.`,
      }];
    }
    if (failures.length > 0 || outcome.health) {
      const messages = [...(outcome.health ? [(outcome.health as ActionError).message] : []), ...failures.map((f) => `Import failed: ${f}`)];
      throw new ModeFailure(new ActionError(messages.join('\n'), (outcome.health as ActionError | undefined)?.fix), result);
    }
    return result;
  } catch (err) {
    if (err instanceof ModeFailure) throw err;
    throw new ModeFailure(err, partial);
  }
}

/**
 * The report's section on what the imports changed in the PR's dashboards. Every piece of it comes
 * from the checkout (file names, panel titles, link hosts), so each is escaped for its context.
 */
export function trustSection(notes: TrustNote[], datasource: string): { title: string; markdown: string } | undefined {
  const sorted = [...notes].sort((a, b) => a.file.localeCompare(b.file));
  if (sorted.length === 0) return undefined;
  const lines: string[] = [];
  for (const n of sorted) {
    lines.push(`- ${code(n.file)}`);
    for (const d of n.dropped) lines.push(`  - dropped: ${plain(d)}`);
    if (n.rebound.length) lines.push(`  - data source references bound to ${code(datasource)}: ${n.rebound.map((r) => code(r)).join(', ')}`);
  }
  return { title: 'dropped from the dashboards', markdown: lines.join('\n') };
}

function withTrustSection(result: ModeResult, notes: TrustNote[], datasource: string): ModeResult {
  const section = trustSection(notes, datasource);
  return section ? { ...result, sections: [...(result.sections ?? []), section] } : result;
}

function resultOf(workspaceId: string, grafanaUrl: string, folderUrl: string, datasourceUid: string, dashboards: ImportedDashboard[], timings: Record<string, number>): ModeResult {
  const primary = dashboards.find((d) => d.primary) ?? dashboards[0];
  const outputs: Record<string, string> = {
    'grafana-workspace-id': workspaceId,
    'grafana-url': grafanaUrl,
    'grafana-folder-url': folderUrl,
    'grafana-datasource-uid': datasourceUid,
    'dashboard-urls': JSON.stringify(Object.fromEntries(dashboards.map((d) => [d.title, d.url]))),
  };
  if (primary) outputs['dashboard-url'] = primary.url;
  const links: Link[] = [
    ...(primary ? [{ label: 'Dashboard', value: primary.title, href: primary.url }] : []),
    { label: 'Grafana folder', value: 'all dashboards of this preview', href: folderUrl },
  ];
  return {
    headline: `${dashboards.length} dashboard(s) imported`,
    outputs,
    links,
    sections: [{
      title: 'dashboards',
      markdown: renderDashboardTable(dashboards, grafanaUrl),
    }],
    timings,
  };
}

export const dashboard = { prepare, run };
