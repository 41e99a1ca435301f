import type { Mode } from '../inputs/types';
import { redact } from '../util/secrets';
import { HEADLINE_ROOM, MODE_ORDER, renderBody } from './comment';

export { formatDuration } from './comment';

/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

/**
 * `in progress`: posted when the step starts, replaced by the step's end; `cancelled`: the post step found the step
 * never reached its end (cancelled, timed out or its runner lost), so what it changed is unknown.
 */
export const MODE_STATUSES = ['succeeded', 'failed', 'in progress', 'cancelled'] as const;

export interface ModeRecord {
  status: typeof MODE_STATUSES[number];
  /** ISO time the mode finished; for a step in progress, when it started. */
  finishedAt: string;
  durationMs: number;
  /** One line: what the mode did ("created AMP workspace ws-…"). */
  headline: string;
  error?: string;
  /** Named phases and how long each took, in ms. */
  timings?: Record<string, number>;
  /** Detail shown under the status table (dropped first when the comment would be too long). */
  sections?: ReportSection[];
  /** The commit the step ran for (the PR's head). */
  commit?: string;
  /** The app image the step deployed. */
  image?: string;
  /** This run's page (its logs), on the run's GitHub server. */
  runUrl?: string;
  /** A plan only: nothing was changed, so it does not replace the record of what is deployed. */
  dryRun?: boolean;
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
  /** The newest dry run of a step, kept beside (not over) the record of what that step deployed. */
  plans?: Partial<Record<Mode, ModeRecord>>;
  links: Link[];
}

const STATE_PREFIX = '<!-- ecs-amp-action:state ';
const STATE_SUFFIX = ' -->';
/**
 * Version of the stored state. Sections (markdown) are only read back from a state of version 2 or later: version 1
 * stored them without escaping untrusted text, so their sections are dropped. Version 3 added a record's commit,
 * image, runUrl and dryRun and the state's plans, all optional, so a version 2 state reads as it is.
 */
const STATE_VERSION = 3;
const ESCAPED_SECTIONS_SINCE = 2;

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
  const fresh = !previous || previous.environment !== update.environment || previous.repository !== update.repository;
  const modes: ReportState['modes'] = fresh ? {} : { ...previous.modes };
  const plans: ReportState['plans'] = fresh ? {} : { ...previous.plans };
  for (const [mode, rec] of Object.entries(update.modes) as [Mode, ModeRecord][]) {
    // A dry run changed nothing: what the step deployed stays the step's record, the plan goes beside it.
    if (rec.dryRun && modes[mode] && !modes[mode]!.dryRun) plans[mode] = rec;
    else {
      modes[mode] = rec;
      delete plans[mode];
    }
  }
  const links = fresh ? update.links : [...previous.links.filter((l) => !update.links.some((u) => u.label === l.label)), ...update.links];
  const merged: ReportState = { ...update, modes, links };
  if (Object.keys(plans).length) merged.plans = plans;
  else delete merged.plans;
  return merged;
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
  const withSections = typeof raw.v === 'number' && raw.v >= ESCAPED_SECTIONS_SINCE && raw.v <= STATE_VERSION;
  const modes = validModes(raw.modes, withSections);
  if (!modes) return undefined;
  const plans = raw.plans === undefined ? undefined : validModes(raw.plans, withSections);
  if (raw.plans !== undefined && !plans) return undefined;
  const links: Link[] = [];
  for (const l of raw.links as unknown[]) {
    if (!isObject(l) || !isString(l.label) || !isString(l.value) || !(l.href === undefined || isString(l.href))) return undefined;
    links.push({ label: l.label, value: l.value, ...(l.href === undefined ? {} : { href: l.href }) });
  }
  return { environment: raw.environment, repository: raw.repository, region: raw.region, ...(raw.prNumber === undefined ? {} : { prNumber: raw.prNumber as number }), modes, ...(plans ? { plans } : {}), links };
}

function validModes(raw: unknown, withSections: boolean): ReportState['modes'] | undefined {
  if (!isObject(raw)) return undefined;
  const modes: ReportState['modes'] = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!MODE_ORDER.includes(name as Mode)) return undefined;
    const record = validRecord(value, withSections);
    if (!record) return undefined;
    modes[name as Mode] = record;
  }
  return modes;
}

function validRecord(r: unknown, withSections: boolean): ModeRecord | undefined {
  if (!isObject(r) || !MODE_STATUSES.includes(r.status as ModeRecord['status'])) return undefined;
  if (!isString(r.finishedAt) || !ISO_TIME.test(r.finishedAt) || !isMs(r.durationMs) || !isString(r.headline)) return undefined;
  if (r.error !== undefined && !isString(r.error)) return undefined;
  const record: ModeRecord = { status: r.status as ModeRecord['status'], finishedAt: r.finishedAt, durationMs: r.durationMs, headline: r.headline };
  if (r.error !== undefined) record.error = r.error;
  for (const key of ['commit', 'image', 'runUrl'] as const) {
    if (r[key] === undefined) continue;
    if (!isString(r[key])) return undefined;
    record[key] = r[key];
  }
  if (r.dryRun !== undefined) {
    if (typeof r.dryRun !== 'boolean') return undefined;
    if (r.dryRun) record.dryRun = true;
  }
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
  return fitted(state, limit, serverUrl);
}

/**
 * The job summary of one step: the same report with only that step's line and detail. A job of three steps writes
 * three summaries into one page; each holds its own step, not three copies of the whole comment.
 */
export function renderSummary(state: ReportState, step: Mode, { limit = COMMENT_LIMIT, serverUrl }: RenderOptions = {}): string {
  return fitted(state, limit, serverUrl, step);
}

function fitted(view: ReportState, limit: number, serverUrl: string | undefined, only?: Mode): string {
  for (const detail of ['full', 'compact'] as const) {
    const body = render(view, detail, Number.POSITIVE_INFINITY, serverUrl, only);
    if (body.length <= limit) return body;
  }
  // Cut error texts (shown and stored) to whatever room the fixed parts leave.
  const fixed = render(view, 'compact', 0, serverUrl, only).length;
  const errors = Object.values(view.modes).filter((m) => m?.error).length || 1;
  // The stored copy of an error costs more than the shown one (JSON escapes, then base64).
  let room = Math.max(0, Math.floor((limit - fixed) / errors / 3));
  let body = render(view, 'compact', room, serverUrl, only);
  while (body.length > limit && room > 0) {
    room = Math.floor(room / 2);
    body = render(view, 'compact', room, serverUrl, only);
  }
  return body;
}

function render(state: ReportState, detail: 'full' | 'compact', errorRoom: number, serverUrl: string | undefined, only?: Mode): string {
  const lines = [commentMarker(state.environment), ...renderBody(state, { detail, errorRoom, serverUrl, only })];
  lines.push('', stateLine(stored(state, detail, errorRoom)));
  return lines.join('\n');
}

/** What the comment keeps for the next run: without the detail a compact body leaves out, errors cut alike. */
function stored(state: ReportState, detail: 'full' | 'compact', errorRoom: number): ReportState {
  if (detail === 'full') return state;
  const compact = (records: ReportState['modes']) => {
    const out: ReportState['modes'] = {};
    for (const [mode, rec] of Object.entries(records) as [Mode, ModeRecord][]) {
      const rest: ModeRecord = { ...rec };
      delete rest.sections;
      delete rest.timings;
      out[mode] = { ...rest, headline: rest.headline.slice(0, HEADLINE_ROOM), ...(rest.error === undefined ? {} : { error: rest.error.slice(0, errorRoom) }) };
    }
    return out;
  };
  return { ...state, modes: compact(state.modes), ...(state.plans ? { plans: compact(state.plans) } : {}) };
}

/**
 * The hidden state, last line of the body. Redacted before encoding: redact() on the finished body
 * cannot find a secret inside base64.
 */
function stateLine(state: ReportState): string {
  return `${STATE_PREFIX}${Buffer.from(redact(JSON.stringify({ ...state, v: STATE_VERSION }))).toString('base64')}${STATE_SUFFIX}`;
}

