import * as core from '@actions/core';
import { listRepositoryWorkspaces } from '../aws/amp';
import { findGrafanaWorkspace } from '../aws/grafana';
import { withGrafanaToken } from '../aws/grafana-token';
import { listEnvironmentStacks } from '../aws/stacks';
import { postComment } from '../github/publish';
import { renderTeardown } from '../render/teardown';
import { pullState } from '../github/pull-state';
import { GrafanaClient } from '../grafana/client';
import { environmentsInGrafana } from '../grafana/teardown';
import { destroyEnvironment, TeardownError } from '../teardown/environment';
import { EnvironmentRecord, judge, PullState } from '../teardown/staleness';
import { mapSettled } from '../util/concurrency';
import { ActionError } from '../util/errors';
import { timed } from '../util/timing';
import { ACTION_NAME, ACTION_VERSION } from '../version';
import { ModeContext, ModeFailure, ModeResult } from './types';
import { info, startGroup } from '../util/log';
import { renderSweepTable, SweepRow, sweepHeadline } from '../render/sweep';

type Row = SweepRow;

const TOKEN_TTL_SECONDS = 3600;

/**
 * The scheduled sweep: finds every environment of this repository from the ownership tags (stacks,
 * AMP workspaces) and the Grafana objects the action names, decides which are stale, and destroys
 * those with bounded concurrency. Partial environments count: a workspace whose stack is gone is
 * still money.
 */
export async function cleanup(ctx: ModeContext): Promise<ModeResult> {
  const { inputs, clients, owner } = ctx;
  const timings: Record<string, number> = {};
  const repoOwner = { repository: owner.repository };
  const grafana = inputs.grafana
    ? await findGrafanaWorkspace(clients.grafana, { name: inputs.grafanaWorkspaceName, owner: repoOwner, existingId: inputs.grafanaWorkspaceId })
    : undefined;

  const sweep = async (api?: GrafanaClient): Promise<Row[]> => {
    const records = await timed(timings, 'discovery', () => discover(ctx, api));
    const pulls = await timed(timings, 'PR states', () => pullStates(inputs.githubToken, owner.repository, records));
    const now = Date.now();
    const rows: Row[] = records.map((record) => ({ record, verdict: judge(record, record.prNumber === undefined ? undefined : pulls.get(record.prNumber), now, inputs.teardown.ttlMs) }));
    const stale = rows.filter((r) => r.verdict.stale);
    info(`Found ${rows.length} environment(s) of ${owner.repository}; ${stale.length} stale${inputs.teardown.dryRun ? ' (dry run: nothing is deleted)' : ''}`);
    for (const r of rows) info(`  ${r.record.environment}: ${r.verdict.stale ? 'stale' : 'kept'} (${r.verdict.reason}); has ${r.record.parts.join(', ')}`);
    if (inputs.teardown.dryRun || stale.length === 0) return rows;

    await timed(timings, 'teardown', () => mapSettled(stale, inputs.teardown.maxConcurrency, async (row) => {
      const env = row.record.environment;
      try {
        const started = Date.now();
        const result = await destroyEnvironment(clients, {
          owner: { repository: owner.repository, environment: env, prNumber: row.record.prNumber },
          stackName: row.record.stackName,
          ampWorkspaceIds: row.record.ampWorkspaceIds,
          grafana: api, deadline: ctx.deadline, log: (line) => info(`[${env}] ${line}`),
        });
        row.outcome = { removed: result.removed };
        await markDestroyed(ctx, row, result.removed, Date.now() - started);
      } catch (err) {
        row.outcome = { removed: err instanceof TeardownError ? err.result.removed : [], error: (err as Error).message };
      }
    }));
    return rows;
  };

  let rows: Row[];
  startGroup('Sweeping stale preview environments');
  try {
    let swept = false;
    try {
      rows = grafana?.status === 'ACTIVE'
        ? await withGrafanaToken(clients.grafana, grafana.id, { runId: ctx.run.runId, ttlSeconds: TOKEN_TTL_SECONDS, log: (l) => info(l) }, (token) => {
          swept = true;
          return sweep(new GrafanaClient({ baseUrl: grafana.url, token: token.key, userAgent: `${ACTION_NAME}/${ACTION_VERSION}`, log: (l) => info(l) }));
        })
        : await sweep();
    } catch (err) {
      // Without a Grafana token the AWS resources (what costs money) can still be swept.
      if (swept) throw err;
      core.warning(`Sweeping without Grafana (its dashboards stay until the next sweep): ${(err as Error).message}`);
      rows = await sweep();
    }
  } finally {
    core.endGroup();
  }

  const result = resultOf(rows, inputs.teardown.dryRun, timings);
  const failed = rows.filter((r) => r.outcome?.error);
  if (failed.length > 0) {
    throw new ModeFailure(new ActionError(`${failed.length} stale environment(s) could not be fully removed:\n${failed.map((r) => `${r.record.environment}: ${r.outcome!.error}`).join('\n')}`,
      'The next scheduled run retries them; the table in the job summary says what was removed.'), result);
  }
  return result;
}

/**
 * Turns the environment's PR comment into "destroyed", as destroy would have: a preview that
 * vanished without a word is what the sweep exists to prevent. Only an existing comment is updated.
 */
async function markDestroyed(ctx: ModeContext, row: Row, removed: string[], durationMs: number): Promise<void> {
  const prNumber = row.record.prNumber;
  if (prNumber === undefined || !ctx.inputs.githubToken) return;
  await postComment({
    environment: row.record.environment, repository: ctx.owner.repository, region: ctx.inputs.region, prNumber, links: [],
    modes: {
      destroy: {
        status: 'succeeded', finishedAt: new Date().toISOString(), durationMs,
        headline: `removed ${removed.length} resource(s) in the scheduled sweep: ${row.verdict.reason}`,
        sections: [{ title: 'removed', markdown: renderTeardown({ environment: row.record.environment, removed, kept: [] }) }],
      },
    },
  }, { comment: true, token: ctx.inputs.githubToken, prNumber, create: false, serverUrl: ctx.run.serverUrl });
}

/** Joins what the stacks, AMP workspaces and Grafana say into one record per environment. */
async function discover(ctx: ModeContext, api?: GrafanaClient): Promise<EnvironmentRecord[]> {
  const { clients, owner } = ctx;
  const [stacks, workspaces, inGrafana] = await Promise.all([
    listEnvironmentStacks(clients.cloudformation, owner.repository),
    listRepositoryWorkspaces(clients.amp, owner.repository),
    api ? environmentsInGrafana(api, owner.repository) : Promise.resolve(new Map()),
  ]);
  const records = new Map<string, EnvironmentRecord>();
  const entry = (env: string) => records.get(env) ?? records.set(env, { environment: env, parts: [], ampWorkspaceIds: [] }).get(env)!;
  const touch = (r: EnvironmentRecord, at?: Date) => {
    if (at && (!r.lastActivityAt || at > r.lastActivityAt)) r.lastActivityAt = at;
  };
  for (const s of stacks) {
    const r = entry(s.environment);
    r.stackName = s.name;
    r.prNumber ??= s.prNumber;
    r.parts.push(`stack ${s.name} (${s.status})`);
    touch(r, s.lastDeployedAt);
  }
  for (const w of workspaces) {
    if (w.status === 'DELETING') continue;
    const r = entry(w.environment);
    r.prNumber ??= w.prNumber;
    r.parts.push(`AMP workspace ${w.id}`);
    r.ampWorkspaceIds.push(w.id);
    touch(r, w.createdAt);
  }
  for (const [env, footprint] of inGrafana) {
    const r = entry(env);
    r.parts.push(`Grafana ${[footprint.folder ? 'folder' : '', footprint.dashboards.length ? `${footprint.dashboards.length} dashboard(s)` : '', footprint.datasource ? 'data source' : ''].filter(Boolean).join(', ')}`);
  }
  return [...records.values()].sort((a, b) => a.environment.localeCompare(b.environment));
}

/** One request per distinct PR, a few at a time: the GITHUB_TOKEN allows 1,000 requests an hour. */
async function pullStates(token: string | undefined, repository: string, records: EnvironmentRecord[]): Promise<Map<number, PullState>> {
  const numbers = [...new Set(records.flatMap((r) => (r.prNumber === undefined ? [] : [r.prNumber])))];
  const states = await mapSettled(numbers, 4, (n) => pullState(token, repository, n));
  return new Map(numbers.map((n, i) => [n, states[i].status === 'fulfilled' ? states[i].value : 'unknown']));
}

function resultOf(rows: Row[], dryRun: boolean, timings: Record<string, number>): ModeResult {
  const removed = rows.filter((r) => r.outcome && !r.outcome.error).map((r) => ({ environment: r.record.environment, reason: r.verdict.reason, removed: r.outcome!.removed }));
  return {
    headline: sweepHeadline(rows, dryRun),
    outputs: { removed: JSON.stringify(removed) },
    links: [],
    sections: [{ title: 'environments', markdown: renderSweepTable(rows, dryRun) }],
    timings,
  };
}
