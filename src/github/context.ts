import { readFileSync } from 'node:fs';
import type { RunContext } from '../inputs/types';
import { WorkflowRunPayload, workflowRunPull } from './workflow-run';

interface EventPayload {
  number?: number;
  pull_request?: { number?: number; head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null }; base?: { repo?: { full_name?: string } } };
  workflow_run?: WorkflowRunPayload;
}

/**
 * Reads the run's context from the variables and event file the runner provides. A workflow_run
 * run takes the PR of the run that triggered it (asked of the GitHub API for fork PRs); it never
 * throws: a failed lookup is recorded and reported by the environment input.
 */
export async function readRunContext(env: NodeJS.ProcessEnv = process.env): Promise<RunContext> {
  const payload = readEvent(env.GITHUB_EVENT_PATH);
  const pr = payload.pull_request;
  const headRepo = pr?.head?.repo?.full_name;
  const baseRepo = pr?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
  const context: RunContext = {
    repository: env.GITHUB_REPOSITORY ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    refName: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || '',
    prNumber: pr?.number ?? (env.GITHUB_EVENT_NAME?.startsWith('pull_request') ? payload.number : undefined),
    fromFork: Boolean(pr && (pr.head?.repo?.fork || (headRepo && baseRepo && headRepo !== baseRepo))),
    runId: env.GITHUB_RUN_ID,
    commit: pr?.head?.sha || payload.workflow_run?.head_sha || env.GITHUB_SHA || undefined,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    envRegion: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  };
  const run = payload.workflow_run;
  if (env.GITHUB_EVENT_NAME === 'workflow_run' && run) {
    // workflow_run jobs run on the default branch; the triggering run's branch is what they preview.
    if (run.head_branch) context.refName = run.head_branch;
    const found = await workflowRunPull(run, context.repository, env['INPUT_GITHUB-TOKEN'] || undefined);
    context.prNumber = found.prNumber;
    context.fromFork = found.fromFork;
    context.prLookupError = found.error;
  }
  return context;
}

function readEvent(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}
