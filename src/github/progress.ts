import { readStepState, saveStepState } from './step-state';
import { MODES, type Mode } from '../inputs/types';
import type { ModeRecord, ReportState } from '../render/report';

/**
 * The action state (GITHUB_STATE) naming the step in progress that the comment shows: saved before the "deploying…"
 * row is posted, cleared once the step's own end is reported. The post step finding it set knows the main step never
 * reached its end (cancelled, timed out, its runner lost) and marks the row, so no comment says "in progress" forever.
 */
export const PROGRESS_STATE = 'progress';

export interface Progress {
  /** The report the in-progress row was posted with: one step, status `in progress`, finishedAt its start. */
  update: ReportState;
  mode: Mode;
  serverUrl?: string;
}

/** The report of a step that has just started: its row says what it does, for which commit, since when. */
export function startedUpdate(base: Omit<ReportState, 'modes' | 'links'>, mode: Mode, started: Date, rec: Pick<ModeRecord, 'commit' | 'image' | 'runUrl' | 'dryRun'>): ReportState {
  const record: ModeRecord = { status: 'in progress', finishedAt: started.toISOString(), durationMs: 0, headline: '', ...definedOnly(rec) };
  return { ...base, modes: { [mode]: record }, links: [] };
}

/** The report the post step writes over a step that never reached its end. */
export function cancelledUpdate(saved: Progress, now: Date): ReportState {
  const started = saved.update.modes[saved.mode]!;
  return {
    ...saved.update,
    modes: {
      [saved.mode]: {
        ...started,
        status: 'cancelled',
        finishedAt: now.toISOString(),
        durationMs: Math.max(0, now.getTime() - Date.parse(started.finishedAt)),
        headline: 'The step ended before reporting its result (cancelled, timed out, or its runner was lost): what it changed is not known. Re-run the job to bring the environment to a known state.',
      },
    },
  };
}

/**
 * Whether the comment's state may take the cancelled row: it still holds this step's own "in progress" row, or
 * nothing newer (the in-progress post never landed). A row written after this step started (a later run's) stays.
 */
export function overwritable(previous: ReportState | undefined, saved: Progress): boolean {
  const ours = saved.update.modes[saved.mode]!;
  const shown = (ours.dryRun ? previous?.plans?.[saved.mode] : undefined) ?? previous?.modes[saved.mode];
  return !shown || shown.finishedAt <= ours.finishedAt;
}

export function saveProgress(progress: Progress | undefined): void {
  saveStepState(PROGRESS_STATE, progress);
}

/** What the main step saved and did not clear, or undefined (also for anything not of the shape it writes). */
export function readProgress(): Progress | undefined {
  return readStepState(PROGRESS_STATE, (value) => {
    const saved = value as Partial<Progress>;
    const update = saved.update;
    if (!MODES.includes(saved.mode as Mode) || typeof update !== 'object' || update === null) return undefined;
    if (typeof update.environment !== 'string' || typeof update.repository !== 'string' || typeof update.region !== 'string') return undefined;
    const started = update.modes?.[saved.mode!];
    if (started?.status !== 'in progress' || typeof started.finishedAt !== 'string' || Number.isNaN(Date.parse(started.finishedAt))) return undefined;
    return { update: { ...update, links: [] }, mode: saved.mode!, serverUrl: typeof saved.serverUrl === 'string' ? saved.serverUrl : undefined };
  });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== false)) as Partial<T>;
}
