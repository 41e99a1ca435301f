import type { Mode } from '../inputs/types';
import { redact } from '../util/secrets';
import { trustedHref } from './links';
import { code, fenced, plain } from './markdown';

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
  /** Markdown built by a src/render function, untrusted parts escaped there; rendered as is. */
  markdown: string;
}

export interface Link {
  label: string;
  value: string;
  /** Rendered as a link when set and one the action builds (src/render/links.ts); otherwise as code. */
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
const STATE_SUFFIX = ' -->';
/**
 * Version of the stored state. Sections (markdown) are only read back from a state of this version:
 * earlier versions stored them without escaping untrusted text, so their sections are dropped.
 */
const STATE_VERSION = 2;
const MODE_ORDER: Mode[] = ['provision', 'deploy', 'dashboard', 'destroy', 'cleanup'];

/**
 * The hidden marker, the first line of this environment's sticky comment; namespaced so other bots'
 * markers never match. Anything outside a plain name is percent-encoded, so no name ends the comment.
 */
export function commentMarker(environment: string): string {
  const name = environment.replace(/[^A-Za-z0-9._/-]/g, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`));
  return `<!-- ecs-amp-action:comment environment=${name} -->`;
}

/** Whether `body` is a report of `environment`: its first line is the marker, as renderReport writes it. */
export function isReportOf(body: string, environment: string): boolean {
  return body.split(/\r?\n/, 1)[0] === commentMarker(environment);
}

/** Adds one mode's result to the previous state: modes keep their latest record, links are replaced by label. */
export function mergeState(previous: ReportState | undefined, update: ReportState): ReportState {
  if (!previous || previous.environment !== update.environment || previous.repository !== update.repository) return update;
  const links = [...previous.links.filter((l) => !update.links.some((u) => u.label === l.label)), ...update.links];
  return { ...update, modes: { ...previous.modes, ...update.modes }, links };
}

/**
 * Reads the state an earlier run stored in its own comment. Only the body's last line counts (the
 * action writes the state there and nothing after it), only base64 of a JSON document of the
 * expected shape is accepted, and anything else (a hand edit, a state-like text quoted earlier in
 * the body) yields undefined.
 */
export function parseState(body: string): ReportState | undefined {
  const last = body.replace(/\s+$/, '').split(/\r?\n/).at(-1) ?? '';
  const m = /^<!-- ecs-amp-action:state ([A-Za-z0-9+/]+={0,2}) -->$/.exec(last);
  if (!m) return undefined;
  try {
    return validState(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as unknown);
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** A state rebuilt field by field from parsed JSON: a field of the wrong type rejects the whole state. */
function validState(raw: unknown): ReportState | undefined {
  if (!isObject(raw) || !isString(raw.environment) || !isString(raw.repository) || !isString(raw.region)) return undefined;
  if (raw.prNumber !== undefined && !(Number.isSafeInteger(raw.prNumber) && (raw.prNumber as number) > 0)) return undefined;
  if (!isObject(raw.modes) || !Array.isArray(raw.links)) return undefined;
  const withSections = raw.v === STATE_VERSION;
  const modes: ReportState['modes'] = {};
  for (const [name, value] of Object.entries(raw.modes)) {
    if (!MODE_ORDER.includes(name as Mode)) return undefined;
    const record = validRecord(value, withSections);
    if (!record) return undefined;
    modes[name as Mode] = record;
  }
  const links: Link[] = [];
  for (const l of raw.links as unknown[]) {
    if (!isObject(l) || !isString(l.label) || !isString(l.value) || !(l.href === undefined || isString(l.href))) return undefined;
    links.push({ label: l.label, value: l.value, ...(l.href === undefined ? {} : { href: l.href }) });
  }
  return { environment: raw.environment, repository: raw.repository, region: raw.region, ...(raw.prNumber === undefined ? {} : { prNumber: raw.prNumber as number }), modes, links };
}

function validRecord(r: unknown, withSections: boolean): ModeRecord | undefined {
  if (!isObject(r) || (r.status !== 'succeeded' && r.status !== 'failed')) return undefined;
  if (!isString(r.finishedAt) || !ISO_TIME.test(r.finishedAt) || !isMs(r.durationMs) || !isString(r.headline)) return undefined;
  if (r.error !== undefined && !isString(r.error)) return undefined;
  const record: ModeRecord = { status: r.status, finishedAt: r.finishedAt, durationMs: r.durationMs, headline: r.headline };
  if (r.error !== undefined) record.error = r.error;
  if (r.timings !== undefined) {
    if (!isObject(r.timings) || !Object.values(r.timings).every(isMs)) return undefined;
    record.timings = r.timings as Record<string, number>;
  }
  if (r.sections !== undefined) {
    if (!Array.isArray(r.sections) || !r.sections.every((s) => isObject(s) && isString(s.title) && isString(s.markdown))) return undefined;
    if (withSections) record.sections = (r.sections as ReportSection[]).map((s) => ({ title: s.title, markdown: s.markdown }));
  }
  return record;
}

export interface RenderOptions {
  /** Longest body to produce; GitHub's comment limit by default. */
  limit?: number;
  /** GITHUB_SERVER_URL, so links to this repository's runs and PRs may render. */
  serverUrl?: string;
}

/**
 * The markdown for both the job summary and the sticky comment. When the full report would exceed
 * GitHub's limit, detail goes first, then long error texts are cut, so the comment always posts.
 * Every text in the state is escaped for where it lands, and only links the action builds are
 * links. The state is stored, redacted, as the body's last line.
 */
export function renderReport(state: ReportState, { limit = COMMENT_LIMIT, serverUrl }: RenderOptions = {}): string {
  for (const detail of ['full', 'compact'] as const) {
    const body = render(state, detail, Number.POSITIVE_INFINITY, serverUrl);
    if (body.length <= limit) return body;
  }
  // Cut error texts (shown and stored) to whatever room the fixed parts leave.
  const fixed = render(state, 'compact', 0, serverUrl).length;
  const errors = Object.values(state.modes).filter((m) => m?.error).length || 1;
  // The stored copy of an error costs more than the shown one (JSON escapes, then base64).
  let room = Math.max(0, Math.floor((limit - fixed) / errors / 3));
  let body = render(state, 'compact', room, serverUrl);
  while (body.length > limit && room > 0) {
    room = Math.floor(room / 2);
    body = render(state, 'compact', room, serverUrl);
  }
  return body;
}

/** Headlines are one line; a longer one is cut so it cannot crowd out the rest. */
const HEADLINE_ROOM = 1_000;

function render(state: ReportState, detail: 'full' | 'compact', errorRoom: number, serverUrl: string | undefined): string {
  const scope = { region: state.region, repository: state.repository, serverUrl };
  const cut = (text: string, room: number) => (text.length > room ? `${text.slice(0, room)}… (truncated; see the job log)` : text);
  const lines: string[] = [commentMarker(state.environment)];
  const destroyed = state.modes.destroy?.status === 'succeeded' && newestMode(state) === 'destroy';
  // The sweep reports on every environment of the repository, not on the one its run happens to be named after.
  const sweep = newestMode(state) === 'cleanup';
  lines.push(sweep
    ? `### 🧹 Preview environments of ${code(state.repository)}: sweep`
    : `### ${destroyed ? '🧹' : '🔭'} Preview environment ${code(state.environment)}${destroyed ? ' (destroyed)' : ''}`);
  lines.push('', `Repository ${code(state.repository)} · region ${code(state.region)}`, '');
  lines.push('| Step | Status | Finished | Took | Result |', '| --- | --- | --- | --- | --- |');
  for (const mode of MODE_ORDER) {
    const rec = state.modes[mode];
    if (!rec) continue;
    const icon = rec.status === 'succeeded' ? '✅' : '❌';
    lines.push(`| ${mode} | ${icon} ${rec.status} | ${plain(rec.finishedAt.replace('T', ' ').slice(0, 19))} UTC | ${formatDuration(rec.durationMs)} | ${plain(cut(rec.headline, HEADLINE_ROOM))} |`);
  }
  for (const mode of MODE_ORDER.filter((m) => state.modes[m]?.error)) {
    lines.push('', `**${mode} failed:**`, fenced(cut(state.modes[mode]!.error!, errorRoom)));
  }
  if (state.links.length > 0 && !destroyed) {
    lines.push('', '| Resource | Value |', '| --- | --- |');
    for (const link of state.links) {
      const target = trustedHref(link.href, scope);
      // A target the action would not build is shown as text, never as a link.
      const value = target ? `[${plain(link.value)}](${target})` : `${code(link.value)}${link.href ? ` ${code(link.href)}` : ''}`;
      lines.push(`| ${plain(link.label)} | ${value} |`);
    }
  }
  if (detail === 'full') {
    // Once destroyed, the other modes' detail (dashboard links, change sets) points at things that are gone.
    for (const mode of destroyed ? (['destroy'] as Mode[]) : MODE_ORDER) {
      for (const section of state.modes[mode]?.sections ?? []) lines.push('', `#### ${mode}: ${plain(section.title)}`, '', section.markdown);
    }
    const timed = MODE_ORDER.filter((m) => state.modes[m]?.timings && Object.keys(state.modes[m]!.timings!).length > 0);
    if (timed.length > 0) {
      lines.push('', '<details><summary>Timings</summary>', '', '| Step | Phase | Took |', '| --- | --- | --- |');
      for (const mode of timed) {
        for (const [phase, ms] of Object.entries(state.modes[mode]!.timings!)) lines.push(`| ${mode} | ${plain(phase)} | ${formatDuration(ms)} |`);
      }
      lines.push('', '</details>');
    }
  }
  lines.push('', stateLine(stored(state, detail, errorRoom)));
  return lines.join('\n');
}

/** What the comment keeps for the next run: without the detail a compact body leaves out, errors cut alike. */
function stored(state: ReportState, detail: 'full' | 'compact', errorRoom: number): ReportState {
  if (detail === 'full') return state;
  const modes: ReportState['modes'] = {};
  for (const [mode, rec] of Object.entries(state.modes) as [Mode, ModeRecord][]) {
    const rest: ModeRecord = { ...rec };
    delete rest.sections;
    delete rest.timings;
    modes[mode] = { ...rest, headline: rest.headline.slice(0, HEADLINE_ROOM), ...(rest.error === undefined ? {} : { error: rest.error.slice(0, errorRoom) }) };
  }
  return { ...state, modes };
}

/**
 * The hidden state, last line of the body. Redacted before encoding: redact() on the finished body
 * cannot find a secret inside base64.
 */
function stateLine(state: ReportState): string {
  return `${STATE_PREFIX}${Buffer.from(redact(JSON.stringify({ ...state, v: STATE_VERSION }))).toString('base64')}${STATE_SUFFIX}`;
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
