import * as core from '@actions/core';
import { ampUrls, findOrCreateAmpWorkspace, StartedAmpWorkspace, waitAmpActive } from '../aws/amp';
import { StoppedTaskWatcher, waitServiceStable } from '../aws/ecs';
import { ensureGrafanaWorkspace, GrafanaWorkspace } from '../aws/grafana';
import { withGrafanaToken } from '../aws/grafana-token';
import { ensureStack, StackResult } from '../aws/stacks';
import { readTemplate } from '../aws/templates';
import { exposeParameters, verifyAppUrl } from '../expose/app-url';
import { runAttemptCompleted } from '../github/run-state';
import { GrafanaClient } from '../grafana/client';
import type { DashboardFile } from '../grafana/dashboard-files';
import { checkDatasourceHealth, datasourceUrl, pluginFor, upsertDatasource } from '../grafana/datasource';
import { ensureFolder } from '../grafana/folders';
import { planImport } from '../grafana/import-plan';
import { datasourceName, datasourceUid, folderTitle, folderUid } from '../grafana/naming';
import type { Inventory } from '../inventory/types';
import type { ModeContext } from '../modes/types';
import { GRAFANA_ROLE_OWNERSHIP_FIX, GRAFANA_ROLE_TEMPLATE, PREVIEW_TEMPLATE } from '../aws/template-names';
import { grafanaRoleStackName } from '../aws/stack-names';
import { isTemplateRole, STEP } from '../plan/build';
import type { Outcome, Plan, Step } from '../plan/types';
import { renderAdotConfig } from '../render/adot-config';
import { formatChangeSetLines } from '../render/change-set';
import { ownershipTags } from '../tags';
import { mapSettled } from '../util/concurrency';
import { ActionError, imagePullFix } from '../util/errors';
import { info } from '../util/log';
import { ACTION_NAME, ACTION_VERSION } from '../version';
import { checkDeployMetrics, MetricsCheckResult } from '../verify/deploy-check';
import type { Executor } from './apply-plan';

/**
 * The token's lifetime, as short as the run's Grafana work allows, since a killed step leaves it alive until then (the
 * post step deletes it, unless the whole job is gone). That work is a few sequential rounds (find and write the data
 * source and folder; the health check beside the imports, four at a time); each call gives up after about 90 s of
 * backoff (src/grafana/client.ts). Ten minutes covers several rounds under heavy throttling; the client starts no
 * request the token would not outlive (GRAFANA_WORK_MARGIN_MS), so a slower Grafana fails clearly instead of with
 * 401s. Never past the step's own deadline, and never under a minute.
 */
export const GRAFANA_WORK_SECONDS = 600;
const GRAFANA_WORK_MARGIN_MS = 10_000;

export function tokenTtlSeconds(deadline: number, now = Date.now()): number {
  return Math.min(GRAFANA_WORK_SECONDS, Math.max(60, Math.ceil((deadline - now) / 1000)));
}

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

/** Per dashboard file, what its import dropped and rebound (reported in the log and the summary). */
export interface TrustNote {
  file: string;
  dropped: string[];
  rebound: string[];
}

/** What the steps learned beyond their values, for the report (what was imported before an import failed, say). */
export interface BuildFindings {
  imported: ImportedDashboard[];
  notes: TrustNote[];
  /** The data source's health check gave no verdict: why. */
  unchecked?: string;
  grafanaVersion?: string;
  pluginId?: string;
}

/** The steps whose work goes through the Grafana workspace's HTTP API, and so through the run's token. */
const GRAFANA_API_STEPS: ReadonlySet<string> = new Set([STEP.datasource, STEP.folder, STEP.dashboards, STEP.health]);

export interface BuildExecution {
  execute: Executor;
  /** For applyPlan's onEnd: ends the Grafana token as soon as the last step that uses it has settled. */
  onEnd: (step: Step, outcome: Outcome) => void;
  /** Ends what is still open (the token) whatever happened; awaited before the report. */
  close: () => Promise<void>;
  findings: BuildFindings;
}

/**
 * The executors of provision, deploy, dashboard and up: thin adapters from each step onto src/aws and src/grafana.
 * What a step needs from another (the workspace's ARN, the stack's outputs) comes through ctx.valueOf, so a step never
 * waits for more than its own dependencies.
 */
export function buildExecution(mode: ModeContext, plan: Plan, inv: Inventory, files: DashboardFile[] = []): BuildExecution {
  const { inputs, clients, owner, deadline } = mode;
  const d = inputs.deploy;
  const repoOwner = { repository: owner.repository };
  const findings: BuildFindings = { imported: [], notes: [] };
  // Made on first use: only the modes that deploy declare (and load) the ECS client.
  let watching: StoppedTaskWatcher | undefined;
  const watcher = () => watching ??= new StoppedTaskWatcher(clients.ecs, d.stackName, (line) => core.warning(line));
  let stackStartedAt = Date.now();
  const session = new GrafanaSession(mode);
  const grafanaLeft = new Set(plan.steps.filter((s) => GRAFANA_API_STEPS.has(s.id)).map((s) => s.id));

  const execute: Executor = async (step, ctx) => {
    const workspace = () => ctx.valueOf<StartedAmpWorkspace>(STEP.amp);
    const grafana = () => ctx.valueOf<GrafanaWorkspace>(STEP.grafanaWorkspace);
    switch (step.id) {
      case STEP.amp: {
        const found = inv.ampWorkspace;
        if (found) {
          info(`[amp] Reusing AMP workspace ${found.id} (${found.origin === 'given' ? 'amp-workspace-id' : `alias '${inputs.ampWorkspaceAlias}'`}, status ${found.status})`);
          return { value: { ...found, alias: inputs.ampWorkspaceAlias } satisfies StartedAmpWorkspace, detail: `${found.origin}, ${found.status}` };
        }
        const ws = await findOrCreateAmpWorkspace(clients.amp, {
          alias: inputs.ampWorkspaceAlias, owner, tags: ownershipTags(owner, inputs.extraTags), existingId: inputs.ampWorkspaceId, log: (l) => info(`[amp] ${l}`),
        });
        return { value: ws, detail: `${ws.origin} ${ws.id}` };
      }
      case STEP.ampActive:
        await waitAmpActive(clients.amp, workspace(), { deadline, log: (l) => info(`[amp] ${l}`) });
        return { detail: 'ACTIVE' };
      case STEP.stack: {
        stackStartedAt = Date.now();
        const stack = await applyPreviewStack(mode, workspace(), watcher());
        return { value: stack, detail: `${stack.action}, ${stack.changes.length} change(s)` };
      }
      case STEP.serviceStable: {
        const stack = ctx.valueOf<StackResult>(STEP.stack);
        if (!stack.outputs.ClusterName || !stack.outputs.ServiceName) return { detail: 'the stack has no service' };
        await waitServiceStable(clients.ecs, stack.outputs.ClusterName, stack.outputs.ServiceName, watcher(), { deadline, log: (l) => info(l) });
        return { detail: 'stable' };
      }
      case STEP.appUrl: {
        const stack = ctx.valueOf<StackResult>(STEP.stack);
        const url = await verifyAppUrl({
          clients, expose: d.expose, appPort: d.appPort, cluster: stack.outputs.ClusterName, service: stack.outputs.ServiceName, stackOutputs: stack.outputs, deadline, log: (l) => info(l),
        });
        return { value: url, detail: url ? 'answers' : undefined };
      }
      case STEP.metrics: {
        const result: MetricsCheckResult = await checkDeployMetrics(clients, {
          region: inputs.region, environment: inputs.environment, prometheusEndpoint: workspace().prometheusEndpoint, deploy: d,
          since: Date.now(), logsSince: stackStartedAt, deadline,
        });
        return { value: result, detail: result.verification.verdict.live };
      }
      case STEP.roleStack: {
        const stack = await ensureStack(clients.cloudformation, {
          name: grafanaRoleStackName(owner.repository),
          templateBody: readTemplate(GRAFANA_ROLE_TEMPLATE),
          parameters: { PermissionsBoundaryName: inputs.permissionsBoundary },
          tags: ownershipTags(repoOwner, inputs.extraTags),
          owner: repoOwner,
          ownershipFix: GRAFANA_ROLE_OWNERSHIP_FIX,
          capabilities: ['CAPABILITY_IAM'],
          // The role stack goes through the same service role as the preview stacks, when one is given.
          roleArn: d.cloudformationRoleArn,
        }, { deadline, log: (line) => info(`[grafana-role] ${line}`) });
        return { value: stack.outputs.RoleArn, detail: stack.action };
      }
      case STEP.grafanaWorkspace: {
        // dashboard alone: the workspace as provision left it, already found ACTIVE by the inventory.
        if (step.action === 'reuse' && plan.mode === 'dashboard' && inv.grafanaWorkspace) return { value: inv.grafanaWorkspace, detail: inv.grafanaWorkspace.origin };
        const role = step.dependsOn.includes(STEP.roleStack) ? () => ctx.valueOf<string>(STEP.roleStack) : undefined;
        const ws = await ensureGrafanaWorkspace(clients.grafana, {
          name: inputs.grafanaWorkspaceName,
          owner: repoOwner,
          tags: ownershipTags(repoOwner, inputs.extraTags),
          existingId: inputs.grafanaWorkspaceId,
          auth: inputs.grafanaAuth,
          admins: inputs.grafanaAdmins,
          grafanaVersion: inputs.grafanaVersion,
          deadline,
          log: (line) => info(`[grafana] ${line}`),
          roleArn: async () => inputs.grafanaRoleArn ?? role?.() ?? missingRole(),
          // A workspace whose role stack is gone (deleted while the workspace lived on) would fail every query with
          // AccessDenied: the plan re-applied the role stack; point the workspace at it. Only for roles the action's
          // templates made (under their path): a role the user chose is theirs.
          reusedRoleArn: inputs.grafanaRoleArn || !role ? undefined : async (current) => (isTemplateRole(current) ? role() : undefined),
        });
        return { value: ws, detail: `${ws.origin} ${ws.id}` };
      }
      case STEP.datasource: {
        const g = grafana();
        const api = await session.api(g);
        const pluginId = pluginFor(g.grafanaVersion);
        Object.assign(findings, { grafanaVersion: g.grafanaVersion, pluginId });
        const name = datasourceName(inputs.environment, owner.repository);
        const ds = await upsertDatasource(api, {
          uid: datasourceUid(owner.repository, inputs.environment), name, type: pluginId,
          url: datasourceUrl(workspace().prometheusEndpoint), region: inputs.region,
        });
        info(`Data source '${name}' ${ds.action} (uid ${ds.uid}, plugin ${pluginId}) for AMP workspace ${workspace().id}`);
        return { value: { ...ds, name, pluginId }, detail: ds.action };
      }
      case STEP.folder: {
        const g = grafana();
        const api = await session.api(g);
        const folder = await ensureFolder(api, folderUid(owner.repository, inputs.environment), folderTitle(inputs.environment, owner.repository));
        info(`Folder '${folder.title}' ${folder.action}`);
        return { value: { uid: folder.uid, url: `${g.url}${folder.url}` }, detail: folder.action };
      }
      case STEP.dashboards: {
        const g = grafana();
        const api = await session.api(g);
        const ds = ctx.valueOf<{ uid: string; name: string; pluginId: string }>(STEP.datasource);
        const folder = ctx.valueOf<{ uid: string }>(STEP.folder);
        await importDashboards(api, files, {
          repository: owner.repository, environment: inputs.environment, folderUid: folder.uid,
          datasourceUid: ds.uid, datasourceName: ds.name, pluginId: ds.pluginId, workspaceUrl: g.url,
        }, findings);
        return { value: findings.imported, detail: `${findings.imported.length} imported` };
      }
      case STEP.health: {
        const g = grafana();
        const api = await session.api(g);
        const ds = ctx.valueOf<{ uid: string; name: string; pluginId: string }>(STEP.datasource);
        const check = await checkDatasourceHealth(api, ds.uid, ds.name, ds.pluginId);
        if (check.method === 'query') info(`Data source '${ds.name}' answered a query (Grafana ${g.grafanaVersion ?? '?'} has no health check for ${ds.pluginId})`);
        if (check.method === 'unchecked') {
          core.warning(`The data source '${ds.name}' could not be checked: Grafana ${g.grafanaVersion ?? '?'} has no health check for ${ds.pluginId}, and a test query gave no verdict (${check.detail ?? 'no detail'}). Open a dashboard to see whether it shows data.`);
          findings.unchecked = check.detail ?? 'no verdict';
        }
        return { detail: check.method };
      }
      default:
        throw new Error(`plan ${plan.mode}: no executor for step '${step.id}'`);
    }
  };

  const onEnd = (step: Step) => {
    if (!grafanaLeft.delete(step.id) || grafanaLeft.size > 0) return;
    void session.close();
  };
  return { execute, onEnd, close: () => session.close(), findings };
}

function missingRole(): never {
  throw new Error('plan: a Grafana workspace to create has neither grafana-role-arn nor a role stack step');
}

/** Deploy's stack: the change set shown before it runs, stopped tasks' reasons added to a failure. */
async function applyPreviewStack(mode: ModeContext, workspace: StartedAmpWorkspace, watcher: StoppedTaskWatcher): Promise<StackResult> {
  const { inputs, clients, owner, deadline } = mode;
  const d = inputs.deploy;
  const log = (line: string) => info(line);
  const remoteWriteUrl = ampUrls(workspace.prometheusEndpoint).remoteWrite;
  log(`AMP workspace ${workspace.id}: remote write to ${remoteWriteUrl}`);
  const adotConfig = renderAdotConfig({
    region: inputs.region, remoteWriteUrl, appPort: d.appPort, metricsPath: d.appMetricsPath, environment: inputs.environment,
  });
  try {
    const stack = await ensureStack(clients.cloudformation, {
      name: d.stackName,
      templateBody: readTemplate(PREVIEW_TEMPLATE),
      parameters: {
        EnvironmentName: inputs.environment,
        AmpWorkspaceArn: workspace.arn,
        AdotConfig: adotConfig,
        AppImage: d.appImage,
        AppPort: String(d.appPort),
        TaskCpu: d.cpu,
        TaskMemory: d.memory,
        DesiredCount: String(d.desiredCount),
        VpcId: d.vpcId ?? '',
        SubnetIds: d.subnetIds.join(','),
        AdotImage: d.adotImage,
        PermissionsBoundaryName: inputs.permissionsBoundary,
        ...exposeParameters(d.expose),
      },
      tags: ownershipTags(owner, inputs.extraTags),
      owner,
      capabilities: ['CAPABILITY_IAM'],
      roleArn: d.cloudformationRoleArn,
    }, {
      deadline,
      log,
      alwaysChangeSet: true,
      dryRun: d.dryRun,
      // Tasks that stop while the service resource is being created say why a deploy hangs or fails.
      onPoll: async () => watcher.poll(),
      // What will change, before it does: a person reading the log sees the plan while the stack runs.
      onChangeSet: (changeSet) => {
        const lines = formatChangeSetLines(changeSet);
        log(lines.length ? `Changes:\n  ${lines.join('\n  ')}` : 'No changes.');
      },
    });
    if (stack.action === 'unchanged') log('No changes.');
    return stack;
  } catch (err) {
    // The tasks that stopped after the last poll say why too.
    await watcher.poll();
    const reasons = watcher.reasons.length ? `\nStopped tasks:\n${watcher.reasons.join('\n')}` : '';
    throw reasons && err instanceof ActionError ? new ActionError(`${err.message}${reasons}`, imagePullFix(reasons, d.appImage) ?? err.fix) : err;
  }
}

/** Imports every file, four at a time; what was imported is kept even when another file fails. */
async function importDashboards(api: GrafanaClient, files: DashboardFile[], target: Parameters<typeof planImport>[1], findings: BuildFindings): Promise<void> {
  const log = (line: string) => info(line);
  const results = await mapSettled(files, 4, async (file) => {
    const plan = planImport(file, target);
    if (plan.dropped.length || plan.rebound.length) {
      findings.notes.push({ file: file.file, dropped: plan.dropped, rebound: plan.rebound });
      for (const dropped of plan.dropped) log(`${file.file}: dropped ${dropped}`);
      if (plan.rebound.length) log(`${file.file}: bound data source reference(s) ${plan.rebound.map((r) => `'${r}'`).join(', ')} to '${target.datasourceName}'`);
    }
    const answer = await api.post<ImportAnswer>('/api/dashboards/import', plan.request);
    const imported: ImportedDashboard = { file: file.file, title: answer.title, url: `${target.workspaceUrl}${answer.importedUrl}`, primary: file.primary };
    findings.imported.push(imported);
    log(`Imported ${file.file} as '${imported.title}': ${imported.url}`);
    return imported;
  });
  // In file order, whatever order the imports finished in.
  const order = new Map(files.map((f, i) => [f.file, i]));
  findings.imported.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`Import failed: ${files[i].file}: ${(r.reason as Error).message}`] : []));
  if (failed.length > 0) throw new ActionError(failed.join('\n'));
}

/**
 * The run's Grafana API token: created when the first step that needs it starts, deleted as soon as the last one has
 * settled, so it lives only around the Grafana steps (not while the stack or the service stabilise).
 */
class GrafanaSession {
  private opened?: Promise<GrafanaClient>;
  private release?: () => void;
  private done?: Promise<unknown>;

  constructor(private readonly mode: ModeContext) {}

  api(workspace: GrafanaWorkspace): Promise<GrafanaClient> {
    this.opened ??= new Promise<GrafanaClient>((resolve, reject) => {
      const { inputs, owner, run, clients } = this.mode;
      const ttlSeconds = tokenTtlSeconds(this.mode.deadline);
      const tokenOwner = { repository: owner.repository, runId: run.runId, runAttempt: process.env.GITHUB_RUN_ATTEMPT };
      const runCompleted = (runId: string, attempt: string) => runAttemptCompleted({ token: inputs.githubToken, repository: owner.repository, runId, attempt });
      const released = new Promise<void>((r) => { this.release = r; });
      this.done = withGrafanaToken(clients.grafana, workspace.id, { owner: tokenOwner, ttlSeconds, log: (l) => info(l), runCompleted }, async (token) => {
        const api = new GrafanaClient({
          baseUrl: workspace.url, token: token.key, userAgent: `${ACTION_NAME}/${ACTION_VERSION}`, log: (l) => info(l),
          deadline: Date.now() + ttlSeconds * 1000 - GRAFANA_WORK_MARGIN_MS,
        });
        resolve(api);
        try {
          await released;
        } finally {
          // What still runs here lost its purpose: stop it before the token goes.
          api.stop();
        }
      }).catch((err: unknown) => {
        // Before the token existed: every Grafana step fails with why. After: deleting it is withGrafanaToken's to log.
        reject(err);
      });
    });
    return this.opened;
  }

  /** Deletes the token (when one was made); a failure to delete is withGrafanaToken's to log, never the run's. */
  async close(): Promise<void> {
    this.release?.();
    await this.done?.catch(() => undefined);
  }
}
