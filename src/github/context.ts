import { readFileSync } from 'node:fs';
import type { RunContext } from '../inputs/types';

interface EventPayload {
  number?: number;
  pull_request?: { number?: number; head?: { repo?: { full_name?: string; fork?: boolean } | null }; base?: { repo?: { full_name?: string } } };
}

/** Reads the run's context from the variables and event file the runner provides. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readEvent(env.GITHUB_EVENT_PATH);
  const pr = payload.pull_request;
  const headRepo = pr?.head?.repo?.full_name;
  const baseRepo = pr?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
  return {
    repository: env.GITHUB_REPOSITORY ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    refName: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || '',
    prNumber: pr?.number ?? (env.GITHUB_EVENT_NAME?.startsWith('pull_request') ? payload.number : undefined),
    fromFork: Boolean(pr && (pr.head?.repo?.fork || (headRepo && baseRepo && headRepo !== baseRepo))),
    runId: env.GITHUB_RUN_ID,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    envRegion: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  };
}

function readEvent(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}
