import { requireEnvironmentWorkspace } from '../aws/amp';
import { requireGrafanaWorkspace } from '../aws/grafana';
import { withGrafanaToken } from '../aws/grafana-token';
import { assetDir } from '../assets';
import { GrafanaClient } from '../grafana/client';
import { DashboardFile, loadDashboards } from '../grafana/dashboard-files';
import { checkDatasourceHealth, datasourceUrl, pluginFor, upsertDatasource } from '../grafana/datasource';
import { ensureFolder } from '../grafana/folders';
import { buildImportRequest } from '../grafana/import-plan';
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

/** Token lifetime: the rest of the run's budget, within 10–60 minutes; it is deleted at the end anyway. */
function tokenTtlSeconds(deadline: number): number {
  return Math.min(3600, Math.max(600, Math.ceil((deadline - Date.now()) / 1000)));
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
    const outcome = await withGrafanaToken(clients.grafana, grafana.id, { runId: ctx.run.runId, ttlSeconds: tokenTtlSeconds(ctx.deadline), log }, async (token) => {
      const api = new GrafanaClient({ baseUrl: grafana.url, token: token.key, userAgent: `${ACTION_NAME}/${ACTION_VERSION}`, log: (l) => info(l) });
      const dsName = datasourceName(inputs.environment);
      const [datasource, folder] = await timed(timings, 'data source and folder', () => Promise.all([
        upsertDatasource(api, {
          uid: datasourceUid(owner.repository, inputs.environment), name: dsName, type: pluginId,
          url: datasourceUrl(amp.prometheusEndpoint), region: inputs.region,
        }),
        ensureFolder(api, folderUid(owner.repository, inputs.environment), folderTitle(inputs.environment)),
      ]));
      log(`Data source '${dsName}' ${datasource.action} (uid ${datasource.uid}); folder '${folder.title}' ${folder.action}`);

      // The health check and the imports are independent: run them side by side, report both.
      const [health, imports] = await Promise.all([
        timed(timings, 'data source health', () => checkDatasourceHealth(api, datasource.uid, dsName)).then(() => undefined, (err: unknown) => err),
        timed(timings, 'dashboard import', () => mapSettled(files, 4, async (file) => {
          const answer = await api.post<ImportAnswer>('/api/dashboards/import', buildImportRequest(file, {
            repository: owner.repository, environment: inputs.environment, folderUid: folder.uid, datasourceUid: datasource.uid, pluginId,
          }));
          const imported: ImportedDashboard = { file: file.file, title: answer.title, url: `${grafana.url}${answer.importedUrl}`, primary: file.primary };
          log(`Imported ${file.file} as '${imported.title}': ${imported.url}`);
          return imported;
        })),
      ]);
      return { datasourceUid: datasource.uid, folderUrl: `${grafana.url}${folder.url}`, health, imports };
    });

    const dashboards = outcome.imports.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failures = outcome.imports.flatMap((r, i) => (r.status === 'rejected' ? [`${files[i].file}: ${(r.reason as Error).message}`] : []));
    const result = resultOf(grafana.id, grafana.url, outcome.folderUrl, outcome.datasourceUid, dashboards, timings);
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
