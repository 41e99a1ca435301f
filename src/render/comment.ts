import type { Mode } from '../inputs/types';
import { renderFailure, splitFailure } from './failure';
import { trustedHref, type LinkScope } from './links';
import { code, plain } from './markdown';
import type { Link, ModeRecord, ReportState } from './report';

export const MODE_ORDER: Mode[] = ['up', 'provision', 'deploy', 'dashboard', 'destroy', 'cleanup'];

/**
 * The links a reviewer clicks, in this order, on the first line under the title: the app (once it has a URL), the
 * dashboard, Grafana. Every other link (AMP URLs, the stack) is detail, folded.
 */
const PRIMARY_LINKS = ['App', 'Dashboard', 'Grafana'];

export interface BodyOptions {
  detail: 'full' | 'compact';
  /** Longest error text shown. */
  errorRoom: number;
  serverUrl?: string;
  /** Only this step's row and detail (the job summary of that step). */
  only?: Mode;
}

/** Headlines are one line; a longer one is cut so it cannot crowd out the rest. */
export const HEADLINE_ROOM = 1_000;

/**
 * The report under the marker: a title, the links a reviewer clicks, one line per step (status, commit, image, run
 * logs, and a failure's one-line cause), each failure in full as wrapped text with its fix, then the detail folded:
 * resources and AMP URLs, each step's sections (the change set), timings. Lists, not tables, carry untrusted text, so
 * nothing is wider than the comment column.
 */
export function renderBody(state: ReportState, opts: BodyOptions): string[] {
  const scope: LinkScope = { region: state.region, repository: state.repository, serverUrl: opts.serverUrl };
  const cut = (text: string, room: number) => (text.length > room ? `${text.slice(0, room)}… (truncated; see the job log)` : text);
  const newest = newestMode(state);
  // A destroy's dry run is a plan: the preview is still there, links and all.
  const destroyed = state.modes.destroy?.status === 'succeeded' && !state.modes.destroy.dryRun && newest === 'destroy';
  const sweep = newest === 'cleanup';
  const modes = MODE_ORDER.filter((m) => state.modes[m] && (!opts.only || m === opts.only));
  const lines: string[] = [];
  lines.push(sweep
    ? `### 🧹 Preview environments of ${code(state.repository)}: sweep`
    : `### ${destroyed ? '🧹' : '🔭'} Preview ${code(state.environment)}${destroyed ? ' (destroyed)' : ''} · ${code(state.repository)} · ${code(state.region)}`);
  // A primary link the action would not build stays in the detail, as text.
  const primaryLinks = destroyed ? [] : PRIMARY_LINKS.flatMap((label) => state.links.filter((l) => l.label === label && trustedHref(l.href, scope)));
  if (primaryLinks.length) lines.push('', `**Open:** ${primaryLinks.map((l) => linkText(l, scope)).join(' · ')}`);
  lines.push('');
  for (const mode of modes) lines.push(`- ${stepLine(mode, state.modes[mode]!, scope, cut, opts.errorRoom)}`);
  // Each step's newest dry run, beside its record of what is deployed (any mode's: up, deploy, destroy …).
  const plans = MODE_ORDER.filter((m) => state.plans?.[m] && (!opts.only || m === opts.only));
  for (const mode of plans) lines.push(`- ${stepLine(mode, state.plans![mode]!, scope, cut, opts.errorRoom)}`);
  for (const mode of modes.filter((m) => state.modes[m]!.error)) {
    const f = splitFailure(cut(state.modes[mode]!.error!, opts.errorRoom));
    lines.push('', renderFailure(mode, f));
  }
  if (opts.detail === 'compact') return lines;

  const rest = destroyed ? [] : state.links.filter((l) => !primaryLinks.includes(l));
  if (rest.length) {
    lines.push('', '<details><summary>Resources and AMP URLs</summary>', '');
    for (const link of rest) lines.push(`- ${plain(link.label)}: ${linkText(link, scope, true)}`);
    lines.push('', '</details>');
  }
  // Once destroyed, the other steps' detail (dashboard links, change sets) points at things that are gone.
  const detailed = destroyed ? modes.filter((m) => m === 'destroy') : modes;
  const sections = [...detailed.map((m) => [m, state.modes[m]!] as const), ...(destroyed ? [] : plans.map((m) => [`${m} (dry run)`, state.plans![m]!] as const))];
  for (const [mode, rec] of sections) {
    for (const section of rec.sections ?? []) {
      // The removal list of a destroy and the sweep's table are what their step did: shown, not folded.
      const open = mode === 'destroy' || mode === 'cleanup' ? ' open' : '';
      lines.push('', `<details${open}><summary>${mode}: ${htmlText(section.title)}</summary>`, '', section.markdown, '', '</details>');
    }
  }
  const timed = detailed.filter((m) => Object.keys(state.modes[m]!.timings ?? {}).length > 0);
  if (timed.length) {
    lines.push('', '<details><summary>Timings</summary>', '');
    for (const mode of timed) {
      lines.push(`- ${mode}: ${Object.entries(state.modes[mode]!.timings!).map(([phase, ms]) => `${plain(phase)} ${formatDuration(ms)}`).join(' · ')}`);
    }
    lines.push('', '</details>');
  }
  return lines;
}

/** What a step in progress is doing, as its row says it ("deploying `4f1c2e9`…"). */
const DOING: Record<Mode, string> = {
  up: 'bringing up', provision: 'provisioning', deploy: 'deploying', dashboard: 'importing dashboards', destroy: 'destroying', cleanup: 'sweeping',
};

/**
 * `**deploy** ✅ succeeded · commit `4f1c2e9` · image `shop:4f1c2e9` · 5 min 12 s · 10:31 UTC · [run logs](…)`, and the
 * headline; a step in progress: `**deploy** ⏳ deploying `4f1c2e9`… · image … · since 10:26 UTC · [run logs](…)`.
 */
function stepLine(mode: Mode, rec: ModeRecord, scope: LinkScope, cut: (t: string, room: number) => string, errorRoom: number): string {
  const commit = rec.commit ? code(rec.commit.slice(0, 7)) : undefined;
  const at = `${plain(rec.finishedAt.replace('T', ' ').slice(0, 16))} UTC`;
  const running = rec.status === 'in progress';
  const status = running ? `⏳ ${rec.dryRun ? 'planning' : DOING[mode]}${commit ? ` ${commit}` : ''}…`
    : rec.status === 'cancelled' ? '⚠️ cancelled or killed'
      : rec.status === 'failed' ? '❌ failed' : rec.dryRun ? '📝 planned (dry run)' : mode === 'destroy' ? '🧹 destroyed' : '✅ succeeded';
  const parts = [`**${rec.dryRun ? `${mode} (dry run)` : mode}** ${status}`];
  if (commit && !running) parts.push(`commit ${commit}`);
  if (rec.image) parts.push(`image ${code(shortImage(rec.image))}`);
  parts.push(running ? `since ${at}` : `${formatDuration(rec.durationMs)} · ${at}`);
  const logs = rec.runUrl ? trustedHref(rec.runUrl, scope) : undefined;
  if (logs) parts.push(`[Run logs](${logs})`);
  const what = rec.status === 'failed' && rec.error ? splitFailure(cut(rec.error, errorRoom)).cause : rec.headline;
  // Two spaces then an indented line: a hard break inside the list item, no HTML needed.
  return what ? `${parts.join(' · ')}  \n  ${plain(cut(what, HEADLINE_ROOM))}` : parts.join(' · ');
}

/** The repository's last path segment and the tag or digest: what tells two deploys apart. */
function shortImage(image: string): string {
  const name = image.split('/').pop() ?? image;
  return name.replace(/@sha256:([0-9a-f]{12})[0-9a-f]+$/, '@sha256:$1…');
}

/** A link the action builds, as a link; any other as code (value, then the target). */
function linkText(link: Link, scope: LinkScope, always = false): string | undefined {
  const target = trustedHref(link.href, scope);
  if (target) return `[${plain(link.label === 'Dashboard' || link.label === 'App' || !always ? link.label : link.value)}](${target})`;
  if (!always) return undefined;
  return `${code(link.value)}${link.href ? ` ${code(link.href)}` : ''}`;
}

/** A section title (the action's own words) inside `<summary>`, where markdown escapes would show: HTML-escaped. */
function htmlText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function newestMode(state: ReportState): Mode | undefined {
  return MODE_ORDER.filter((m) => state.modes[m]).sort((a, b) => state.modes[b]!.finishedAt.localeCompare(state.modes[a]!.finishedAt))[0];
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
