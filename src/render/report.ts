import type { Mode } from '../inputs/types';

/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface ModeRecord {
  status: 'succeeded' | 'failed';
  /** ISO time the mode finished. */
  finishedAt: string;
  durationMs: number;
  /** One line: what the mode did ("created AMP workspace ws-…"). */
  headline: string;
  error?: string;
  /** Named phases and how long each took, in ms. */
  timings?: Record<string, number>;
  /** Detail shown under the status table (dropped first when the comment would be too long). */
  sections?: ReportSection[];
}

export interface ReportSection {
  title: string;
  markdown: string;
}

export interface Link {
  label: string;
  value: string;
  /** Rendered as a link when set. */
  href?: string;
}

/** Everything a report shows. It is also stored, hidden, in the PR comment so each mode adds to it. */
export interface ReportState {
  environment: string;
  repository: string;
  region: string;
  prNumber?: number;
  modes: Partial<Record<Mode, ModeRecord>>;
  links: Link[];
}

const STATE_PREFIX = '<!-- ecs-amp-action:state ';

/** The hidden marker that identifies this environment's sticky comment; namespaced so other bots' markers never match. */
export function commentMarker(environment: string): string {
  return `<!-- ecs-amp-action:comment environment=${environment} -->`;
}

/** Adds one mode's result to the previous state: modes keep their latest record, links are replaced by label. */
export function mergeState(previous: ReportState | undefined, update: ReportState): ReportState {
  if (!previous || previous.environment !== update.environment) return update;
  const links = [...previous.links.filter((l) => !update.links.some((u) => u.label === l.label)), ...update.links];
  return { ...update, modes: { ...previous.modes, ...update.modes }, links };
}

/** Reads the state an earlier run stored in the comment; a comment edited by hand yields undefined. */
export function parseState(body: string): ReportState | undefined {
  const start = body.indexOf(STATE_PREFIX);
  if (start < 0) return undefined;
  const end = body.indexOf(' -->', start);
  try {
    const json = Buffer.from(body.slice(start + STATE_PREFIX.length, end), 'base64').toString('utf8');
    const state = JSON.parse(json) as ReportState;
    return typeof state.environment === 'string' && state.modes && Array.isArray(state.links) ? state : undefined;
  } catch {
    return undefined;
  }
}

const MODE_ORDER: Mode[] = ['provision', 'deploy', 'dashboard', 'destroy', 'cleanup'];

/**
 * The markdown for both the job summary and the sticky comment. When the full report would exceed
 * GitHub's limit, detail goes first, then long error texts are cut, so the comment always posts.
 */
export function renderReport(state: ReportState, { limit = COMMENT_LIMIT } = {}): string {
  for (const detail of ['full', 'compact'] as const) {
    const body = render(state, detail, Number.POSITIVE_INFINITY);
    if (body.length <= limit) return body;
  }
  // Cut error texts to whatever room the fixed parts leave.
  const fixed = render(state, 'compact', 0).length;
  const errors = Object.values(state.modes).filter((m) => m?.error).length || 1;
  const room = Math.max(0, Math.floor((limit - fixed) / errors) - 20);
  return render(state, 'compact', room).slice(0, limit);
}

function render(state: ReportState, detail: 'full' | 'compact', errorRoom: number): string {
  const lines: string[] = [commentMarker(state.environment)];
  const destroyed = state.modes.destroy?.status === 'succeeded' && newestMode(state) === 'destroy';
  // The sweep reports on every environment of the repository, not on the one its run happens to be named after.
  const sweep = newestMode(state) === 'cleanup';
  lines.push(sweep
    ? `### 🧹 Preview environments of \`${escapeCode(state.repository)}\`: sweep`
    : `### ${destroyed ? '🧹' : '🔭'} Preview environment \`${escapeCode(state.environment)}\`${destroyed ? ' (destroyed)' : ''}`);
  lines.push('', `Repository \`${escapeCode(state.repository)}\` · region \`${escapeCode(state.region)}\``, '');
  lines.push('| Step | Status | Finished | Took | Result |', '| --- | --- | --- | --- | --- |');
  for (const mode of MODE_ORDER) {
    const rec = state.modes[mode];
    if (!rec) continue;
    const icon = rec.status === 'succeeded' ? '✅' : '❌';
    lines.push(`| ${mode} | ${icon} ${rec.status} | ${rec.finishedAt.replace('T', ' ').slice(0, 19)} UTC | ${formatDuration(rec.durationMs)} | ${escapeCell(rec.headline)} |`);
  }
  const failures = MODE_ORDER.filter((m) => state.modes[m]?.error);
  for (const mode of failures) {
    const error = state.modes[mode]!.error!;
    const text = error.length > errorRoom ? `${error.slice(0, errorRoom)}… (truncated; see the job log)` : error;
    lines.push('', `**${mode} failed:**`, '```text', text.replace(/```/g, "'''"), '```');
  }
  if (state.links.length > 0 && !destroyed) {
    lines.push('', '| Resource | Value |', '| --- | --- |');
    for (const link of state.links) {
      const value = link.href ? `[${escapeCell(link.value)}](${link.href})` : `\`${escapeCode(link.value)}\``;
      lines.push(`| ${escapeCell(link.label)} | ${value} |`);
    }
  }
  if (detail === 'full') {
    // Once destroyed, the other modes' detail (dashboard links, change sets) points at things that are gone.
    for (const mode of destroyed ? (['destroy'] as Mode[]) : MODE_ORDER) {
      for (const section of state.modes[mode]?.sections ?? []) lines.push('', `#### ${mode}: ${section.title}`, '', section.markdown);
    }
    const timed = MODE_ORDER.filter((m) => state.modes[m]?.timings && Object.keys(state.modes[m]!.timings!).length > 0);
    if (timed.length > 0) {
      lines.push('', '<details><summary>Timings</summary>', '', '| Step | Phase | Took |', '| --- | --- | --- |');
      for (const mode of timed) {
        for (const [phase, ms] of Object.entries(state.modes[mode]!.timings!)) lines.push(`| ${mode} | ${escapeCell(phase)} | ${formatDuration(ms)} |`);
      }
      lines.push('', '</details>');
    }
  }
  lines.push('', `${STATE_PREFIX}${Buffer.from(JSON.stringify(state)).toString('base64')} -->`);
  return lines.join('\n');
}

function newestMode(state: ReportState): Mode | undefined {
  return MODE_ORDER.filter((m) => state.modes[m]).sort((a, b) => state.modes[b]!.finishedAt.localeCompare(state.modes[a]!.finishedAt))[0];
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}
