import type { StartedAmpWorkspace } from '../aws/amp';
import { ampUrls } from '../aws/amp';
import type { GrafanaWorkspace } from '../aws/grafana';
import type { StackResult } from '../aws/stacks';
import type { BuildFindings, TrustNote } from '../apply/build';
import type { ModeResult } from '../modes/types';
import type { BuildMode } from '../plan/build';
import { STEP } from '../plan/build';
import type { Outcomes, Plan } from '../plan/types';
import type { MetricsCheckResult } from '../verify/deploy-check';
import { renderChangeSet } from './change-set';
import { renderDashboardTable } from './dashboards';
import { code, plain } from './markdown';
import { renderPlanTable, stepRecords } from './plan';
import type { Link, ReportSection } from './report';

/** The timing label of each step, as the reports have named these phases. */
const TIMING: Record<string, string> = {
  [STEP.amp]: 'AMP workspace', [STEP.ampActive]: 'AMP workspace ACTIVE', [STEP.stack]: 'CloudFormation', [STEP.serviceStable]: 'ECS service stable',
  [STEP.appUrl]: 'app URL answering', [STEP.metrics]: 'metrics in AMP', [STEP.roleStack]: 'Grafana workspace role', [STEP.grafanaWorkspace]: 'Grafana workspace',
  [STEP.datasource]: 'data source', [STEP.folder]: 'folder', [STEP.dashboards]: 'dashboard import', [STEP.health]: 'data source health',
};

export interface BuildReportRequest {
  mode: BuildMode;
  plan: Plan;
  outcomes: Outcomes;
  findings: BuildFindings;
  region: string;
  stackName: string;
  dryRun: boolean;
  /** The data source's name in Grafana (the trust section names it). */
  datasourceName: string;
}

/**
 * The mode's result from its plan and outcomes: the outputs, links, sections and headline of each part that ran
 * (provision's workspaces, deploy's stack, dashboard's imports), so `up` reports exactly what the three would.
 * Built from whatever succeeded, so a failed run still reports what it made.
 */
export function buildResult(r: BuildReportRequest): ModeResult {
  const value = <T>(id: string): T | undefined => {
    const o = r.outcomes.get(id);
    return o && (o.status === 'done' || o.status === 'kept') ? (o.value as T) : undefined;
  };
  const has = (id: string) => r.plan.steps.some((s) => s.id === id);
  const outputs: Record<string, string> = {};
  const links: Link[] = [];
  const sections: ReportSection[] = [];
  const headline: string[] = [];

  const amp = value<StartedAmpWorkspace>(STEP.amp);
  const grafana = value<GrafanaWorkspace>(STEP.grafanaWorkspace);
  if (r.mode === 'provision' || r.mode === 'up') {
    if (amp) {
      const urls = ampUrls(amp.prometheusEndpoint);
      Object.assign(outputs, {
        'amp-workspace-id': amp.id, 'amp-workspace-arn': amp.arn, 'amp-endpoint': urls.endpoint, 'amp-remote-write-url': urls.remoteWrite, 'amp-query-url': urls.query,
      });
      links.push(
        { label: 'AMP workspace', value: `${amp.id} (${amp.origin})` },
        { label: 'AMP remote write URL', value: urls.remoteWrite },
        { label: 'AMP query URL', value: urls.query },
      );
      headline.push(`AMP ${amp.id} ${amp.origin}`);
    } else if (r.dryRun && has(STEP.amp)) {
      headline.push('AMP workspace to create');
    }
    if (grafana) {
      Object.assign(outputs, { 'grafana-workspace-id': grafana.id, 'grafana-url': grafana.url });
      links.push({ label: 'Grafana', value: `${grafana.id} (${grafana.origin})`, href: grafana.url });
      if (r.mode === 'provision') headline.push(`Grafana ${grafana.id} ${grafana.origin}`);
    }
    if (r.mode === 'provision' && headline.length === 0) headline.push(r.dryRun ? 'nothing to provision' : 'nothing provisioned');
  }

  if (has(STEP.stack)) {
    outputs['stack-name'] = r.stackName;
    const stack = value<StackResult>(STEP.stack);
    const metrics = value<MetricsCheckResult>(STEP.metrics);
    if (stack) {
      Object.assign(outputs, { 'stack-id': stack.stackId, 'change-count': String(stack.changes.length) });
      if (stack.outputs.ClusterName) outputs['cluster-name'] = stack.outputs.ClusterName;
      if (stack.outputs.ServiceName) outputs['service-name'] = stack.outputs.ServiceName;
      links.push({
        label: 'Stack', value: r.stackName,
        href: `https://${r.region}.console.aws.amazon.com/cloudformation/home?region=${r.region}#/stacks/stackinfo?stackId=${encodeURIComponent(stack.stackId)}`,
      });
      if (outputs['service-name']) links.push({ label: 'ECS service', value: `${outputs['cluster-name']}/${outputs['service-name']}` });
      const verb = { created: 'created', updated: 'updated', unchanged: 'unchanged (no changes)', planned: 'planned (dry run)' }[stack.action];
      headline.push(`stack ${r.stackName} ${verb}, ${stack.changes.length} change(s)${metrics ? `; metrics: ${metrics.verification.verdict.live}` : ''}`);
      sections.push({ title: r.dryRun ? 'planned changes (dry run)' : 'changes', markdown: renderChangeSet(stack) });
    } else if (r.outcomes.get(STEP.stack)?.status === 'planned') {
      headline.push(`stack ${r.stackName} planned (its change set needs the AMP workspace's ARN)`);
    } else if (r.outcomes.get(STEP.stack)?.status === 'failed') {
      headline.push('deploy failed');
    }
    const appUrl = value<string>(STEP.appUrl);
    if (appUrl) {
      outputs['app-url'] = appUrl;
      links.push({ label: 'App', value: appUrl, href: appUrl });
    } else if (r.outcomes.get(STEP.appUrl)?.status === 'failed') {
      headline.push('the app did not answer');
    }
    if (metrics) {
      Object.assign(outputs, metrics.outputs);
      sections.push(metrics.section);
    }
  }

  if (has(STEP.dashboards)) {
    const f = r.findings;
    if (grafana) Object.assign(outputs, { 'grafana-workspace-id': grafana.id, 'grafana-url': grafana.url });
    const ds = value<{ uid: string }>(STEP.datasource);
    const folder = value<{ url: string }>(STEP.folder);
    if (ds) outputs['grafana-datasource-uid'] = ds.uid;
    if (folder) outputs['grafana-folder-url'] = folder.url;
    if (grafana && r.outcomes.get(STEP.dashboards)?.status !== 'planned') {
      const primary = f.imported.find((d) => d.primary) ?? f.imported[0];
      outputs['dashboard-urls'] = JSON.stringify(Object.fromEntries(f.imported.map((d) => [d.title, d.url])));
      if (primary) {
        outputs['dashboard-url'] = primary.url;
        links.push({ label: 'Dashboard', value: primary.title, href: primary.url });
      }
      if (folder) links.push({ label: 'Grafana folder', value: 'all dashboards of this preview', href: folder.url });
      sections.push({ title: 'dashboards', markdown: renderDashboardTable(f.imported, grafana.url) });
      headline.push(`${f.imported.length} dashboard(s) imported`);
    } else {
      headline.push(r.dryRun ? `${r.plan.steps.find((s) => s.id === STEP.dashboards)!.target} planned` : 'dashboard failed');
    }
    const trust = trustSection(f.notes, r.datasourceName);
    if (trust) sections.push(trust);
    if (f.unchecked !== undefined) {
      sections.push({
        title: 'data source not checked',
        markdown: `Grafana ${plain(f.grafanaVersion ?? '?')} has no health check for ${code(f.pluginId ?? '?')} and a test query gave no verdict (${plain(f.unchecked)}): whether the workspace role can query AMP was not checked.`,
      });
    }
  }

  // What each step did and why: the dry run's whole answer, and a run's record of what it decided.
  sections.push({ title: r.dryRun ? 'plan (dry run)' : 'steps', markdown: renderPlanTable(r.plan, r.outcomes) });
  // The same steps as JSON a later step can parse, as destroy and cleanup give theirs.
  outputs.plan = JSON.stringify(stepRecords(r.plan, r.outcomes));

  const timings: Record<string, number> = {};
  for (const step of r.plan.steps) {
    const o = r.outcomes.get(step.id);
    if (o?.durationMs !== undefined && (o.status === 'done' || o.status === 'failed')) timings[TIMING[step.id] ?? step.id] = o.durationMs;
  }
  return { headline: headline.join('; '), outputs, links, sections, timings };
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
