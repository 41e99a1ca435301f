/**
 * metrics-check as deploy runs it: query the environment's workspace with the action's credentials,
 * report in the log, the outputs and the report, and decide what a miss does to the step.
 */
import type { AwsClients } from '../aws/clients';
import { createAmpQuery } from '../aws/amp-query';
import type { DeployInputs } from '../inputs/types';
import { metricsLogLines, renderMetricsSection } from '../render/metrics';
import type { ReportSection } from '../render/report';
import { ActionError } from '../util/errors';
import { info } from '../util/log';
import { collectorLogGroup } from './collector-logs';
import { metricsOutput } from './metrics';
import { Verification, verifyMetrics } from './run';

export interface MetricsCheckResult {
  verification: Verification;
  outputs: Record<string, string>;
  section: ReportSection;
  /** What a miss means: a failure under metrics-check fail, a warning under warn; undefined when both pipelines arrived. */
  problem?: ActionError;
}

export async function checkDeployMetrics(
  clients: AwsClients,
  req: { region: string; environment: string; prometheusEndpoint: string; deploy: DeployInputs; since: number; logsSince: number; deadline: number },
): Promise<MetricsCheckResult> {
  const d = req.deploy;
  const query = createAmpQuery({ prometheusEndpoint: req.prometheusEndpoint, region: req.region, credentials: clients.amp.config.credentials });
  const target = { environment: req.environment, stackName: d.stackName, desiredCount: d.desiredCount, appImage: d.appImage };
  const verification = await verifyMetrics(
    { target, since: req.since, logsSince: req.logsSince, timeoutMs: d.metricsTimeoutSeconds * 1000, deadline: req.deadline },
    { query, logs: clients.logs, log: (line) => info(line) },
  );
  const logGroup = collectorLogGroup(d.stackName);
  // Metric names and collector lines are untrusted text.
  info(metricsLogLines(verification, logGroup).join('\n'));
  return {
    verification,
    outputs: { metrics: metricsOutput(verification.verdict) },
    section: { title: 'metrics in AMP', markdown: renderMetricsSection(verification, logGroup) },
    problem: problemOf(verification),
  };
}

function problemOf(v: Verification): ActionError | undefined {
  if (v.queryError) {
    const denied = v.queryError.statusCode === 403;
    return new ActionError(`The metrics in AMP could not be checked: ${v.queryError.message}`,
      denied ? "Grant the workflow's role aps:QueryMetrics on the environment's AMP workspace (re-deploy the bootstrap stack of this release), or set metrics-check: off."
        : 'Re-run the step; if it persists, set metrics-check: off and check the workspace in the AMP console.');
  }
  if (v.verdict.ok) return undefined;
  const missing = (['app', 'ecs'] as const).filter((k) => v.verdict[k].status !== 'ok');
  const what = missing.map((k) => `${k === 'app' ? 'the app pipeline' : 'the ECS task pipeline'} is ${v.verdict[k].status}`).join(' and ');
  const problems = missing.flatMap((k) => v.verdict[k].problems);
  const findings = v.collector?.findings ?? [];
  const fix = findings.length ? findings.map((f) => f.fix).join(' ') : problems.length ? problems.join(' ') : 'See the metrics section of the report.';
  return new ActionError(
    `Metrics did not all arrive in AMP within ${Math.round(v.elapsedMs / 1000)} s of the service being stable: ${what}.${findings.length ? ` The collector logged: ${findings.map((f) => f.line).join(' | ')}` : ''}`,
    fix,
  );
}
