// CloudWatch Logs as the preview stack's log groups hold what the task's containers write through the awslogs
// driver, and as the action reads it back (awsJson1_1: GetLogEvents, FilterLogEvents, DescribeLogStreams).
// Members and limits from the logs 2014-03-28 model (specs/logs.ts); behaviour from its documentation:
// GetLogEvents returns the newest events first unless startFromHead (default false), FilterLogEvents the oldest
// (startFromHead default true) and always interleaves streams; DescribeLogStreams orders by name (default) or
// LastEventTime, which cannot be combined with logStreamNamePrefix; logGroupName and logGroupIdentifier are
// exclusive.
import { AwsError, CallContext } from '../core/types';
import { LOGS_SPEC } from './specs/logs';
import { validate } from './validate';

export interface LogEvent { timestamp: number; message: string; ingestionTime: number; eventId: string }
export interface LogStream { name: string; creationTime: number; events: LogEvent[] }
export interface LogGroup { name: string; region: string; accountId: string; arn: string; creationTime: number; streams: Map<string, LogStream> }

const invalid = (message: string) => new AwsError('InvalidParameterException', message, 400);
const groupMissing = () => new AwsError('ResourceNotFoundException', 'The specified log group does not exist.', 400);
const streamMissing = () => new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.', 400);

export class LogsModel {
  readonly groups = new Map<string, LogGroup>();
  private seq = 0;

  private key(region: string, accountId: string, name: string): string {
    return `${region}:${accountId}:${name}`;
  }

  createLogGroup(name: string, region: string, accountId: string): LogGroup {
    const existing = this.groups.get(this.key(region, accountId, name));
    if (existing) return existing;
    const group = { name, region, accountId, arn: `arn:aws:logs:${region}:${accountId}:log-group:${name}`, creationTime: Date.now(), streams: new Map() };
    this.groups.set(this.key(region, accountId, name), group);
    return group;
  }

  deleteLogGroup(name: string, region: string, accountId: string): void {
    this.groups.delete(this.key(region, accountId, name));
  }

  group(name: string, region: string, accountId: string): LogGroup | undefined {
    return this.groups.get(this.key(region, accountId, name));
  }

  /**
   * What the awslogs driver ships: the line lands in the stream (created on first use, as the driver's
   * CreateLogStream does). False when the group does not exist: the driver's events go nowhere.
   */
  append(groupName: string, region: string, accountId: string, streamName: string, message: string, timestamp = Date.now()): boolean {
    const group = this.group(groupName, region, accountId);
    if (!group) return false;
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, creationTime: Date.now(), events: [] };
      group.streams.set(streamName, stream);
    }
    stream.events.push({ timestamp, message, ingestionTime: Date.now(), eventId: String(++this.seq).padStart(56, '0') });
    return true;
  }

  // --- API (awsJson1_1) ----------------------------------------------------------------------

  getLogEvents(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, LOGS_SPEC.GetLogEvents.input, 'InvalidParameterException');
    const stream = this.resolve(input, ctx).streams.get(String(input.logStreamName));
    if (!stream) throw streamMissing();
    const events = inWindow(stream.events, input);
    const limit = (input.limit as number | undefined) ?? 10000;
    // Tokens are positions in the window: f/<next index forward>, b/<first index of this page>.
    const token = parseToken(input.nextToken);
    let from: number;
    if (token?.direction === 'f') from = token.at;
    else if (token?.direction === 'b') from = Math.max(0, token.at - limit);
    else from = input.startFromHead === true ? 0 : Math.max(0, events.length - limit);
    const to = token?.direction === 'b' ? token.at : Math.min(events.length, from + limit);
    const page = events.slice(from, to);
    return {
      events: page.map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime })),
      nextForwardToken: `f/${String(to).padStart(56, '0')}`,
      nextBackwardToken: `b/${String(from).padStart(56, '0')}`,
    };
  }

  filterLogEvents(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, LOGS_SPEC.FilterLogEvents.input, 'InvalidParameterException');
    if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
      throw invalid('logStreamNames and logStreamNamePrefix are mutually exclusive');
    }
    const group = this.resolve(input, ctx);
    const names = input.logStreamNames as string[] | undefined;
    const prefix = input.logStreamNamePrefix as string | undefined;
    const matches = filterPattern(input.filterPattern as string | undefined);
    const events = [...group.streams.values()]
      .filter((s) => (!names || names.includes(s.name)) && (!prefix || s.name.startsWith(prefix)))
      .flatMap((s) => inWindow(s.events, input).map((e) => ({ logStreamName: s.name, ...e })))
      .filter((e) => matches(e.message))
      .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
    if (input.startFromHead === false) events.reverse();
    const limit = (input.limit as number | undefined) ?? 10000;
    const from = parseToken(input.nextToken)?.at ?? 0;
    const page = events.slice(from, from + limit);
    return {
      events: page,
      // Deprecated in the model and always empty now that every response interleaves streams.
      searchedLogStreams: [],
      ...(from + limit < events.length ? { nextToken: `f/${String(from + limit).padStart(56, '0')}` } : {}),
    };
  }

  describeLogStreams(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, LOGS_SPEC.DescribeLogStreams.input, 'InvalidParameterException');
    if (input.orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) {
      throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const group = this.resolve(input, ctx);
    const prefix = input.logStreamNamePrefix as string | undefined;
    const last = (s: LogStream) => s.events.at(-1)?.timestamp ?? 0;
    const streams = [...group.streams.values()].filter((s) => !prefix || s.name.startsWith(prefix))
      .sort((a, b) => (input.orderBy === 'LastEventTime' ? last(a) - last(b) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (input.descending === true) streams.reverse();
    const limit = (input.limit as number | undefined) ?? 50;
    const from = parseToken(input.nextToken)?.at ?? 0;
    const page = streams.slice(from, from + limit);
    return {
      logStreams: page.map((s) => ({
        logStreamName: s.name, creationTime: s.creationTime,
        ...(s.events.length > 0 ? { firstEventTimestamp: s.events[0].timestamp, lastEventTimestamp: last(s), lastIngestionTime: s.events.at(-1)!.ingestionTime } : {}),
        arn: `${group.arn}:log-stream:${s.name}`, storedBytes: 0,
      })),
      ...(from + limit < streams.length ? { nextToken: `f/${String(from + limit).padStart(56, '0')}` } : {}),
    };
  }

  /** The group a request names, by logGroupName or logGroupIdentifier (a name or an ARN), exactly one of them. */
  private resolve(input: Record<string, unknown>, ctx: CallContext): LogGroup {
    const name = input.logGroupName as string | undefined;
    const identifier = input.logGroupIdentifier as string | undefined;
    if ((name === undefined) === (identifier === undefined)) throw invalid('You must include either logGroupIdentifier or logGroupName, but not both.');
    const ref = name ?? identifier!;
    const arn = /^arn:aws[-a-z]*:logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+)(:\*)?$/.exec(ref);
    const group = arn ? this.group(arn[3], arn[1], arn[2]) : this.group(ref, ctx.region, ctx.accountId);
    if (!group || (arn && (arn[1] !== ctx.region || arn[2] !== ctx.accountId))) throw groupMissing();
    return group;
  }
}

function inWindow(events: LogEvent[], input: Record<string, unknown>): LogEvent[] {
  const start = input.startTime as number | undefined;
  const end = input.endTime as number | undefined;
  return events.filter((e) => (start === undefined || e.timestamp >= start) && (end === undefined || e.timestamp <= end));
}

function parseToken(token: unknown): { direction: 'f' | 'b'; at: number } | undefined {
  if (token === undefined) return undefined;
  const m = /^([fb])\/(\d+)$/.exec(String(token));
  if (!m) throw invalid('The specified nextToken is invalid.');
  return { direction: m[1] as 'f' | 'b', at: Number(m[2]) };
}

/**
 * The unstructured-log filter pattern syntax (CloudWatch Logs user guide, "Filter pattern syntax for metric filters,
 * subscription filters, filter log events"): terms that must all appear, case-sensitive; "quoted phrases"; a term
 * with ? is one of several that may appear; -term must not appear. JSON and space-delimited patterns are not modelled
 * and are refused rather than matched wrongly.
 */
export function filterPattern(pattern: string | undefined): (message: string) => boolean {
  const text = pattern?.trim() ?? '';
  if (text === '') return () => true;
  if (text.startsWith('{') || text.startsWith('[')) throw invalid(`The sandbox does not model JSON or space-delimited filter patterns: ${text}`);
  const terms = [...text.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)].map((m) => ({ op: m[1], term: m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3] }));
  const all = terms.filter((t) => t.op === '');
  const any = terms.filter((t) => t.op === '?');
  const none = terms.filter((t) => t.op === '-');
  return (message) => all.every((t) => message.includes(t.term)) && (any.length === 0 || any.some((t) => message.includes(t.term)))
    && !none.some((t) => message.includes(t.term));
}
