import { RequestLogEntry, Transition } from '../core/types';

/**
 * What a run had to wait for, read from the sandbox's own records (the models' transitions and the
 * request log), never from the action's log. Pure functions: the bench feeds them one run's records.
 */

/** Transitions of one service (and kind, and resource or change set stack matching `resource`). */
export interface Selector {
  service: Transition['service'];
  kind?: Transition['kind'][];
  resource?: RegExp;
}

/**
 * A mode's dependency chain: a leaf is the time at least one matching transition was in progress (the union
 * of their intervals: a change set then its stack add up, overlapping ones do not), `seq` what must happen
 * one after the other, `par` what may overlap. A leaf that matches nothing is 0, so a spec written for a
 * first run also reads a re-run that reused everything.
 */
export type PathSpec = { label: string; leaf: Selector[] } | { seq: PathSpec[] } | { par: PathSpec[] };

export const leaf = (label: string, ...selectors: Selector[]): PathSpec => ({ label, leaf: selectors });
export const seq = (...specs: PathSpec[]): PathSpec => ({ seq: specs });
export const par = (...specs: PathSpec[]): PathSpec => ({ par: specs });

export interface Window {
  from: number;
  to: number;
}

export function matches(t: Transition, s: Selector): boolean {
  return t.service === s.service && (!s.kind || s.kind.includes(t.kind)) && (!s.resource || s.resource.test(t.stack ?? t.resource));
}

/** The transitions a run started. */
export function startedWithin(transitions: Transition[], w: Window): Transition[] {
  return transitions.filter((t) => t.startedAt >= w.from && t.startedAt <= w.to);
}

export function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of sorted) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

export interface PathLength {
  ms: number;
  /** e.g. "max(aps 4.0 s, role stack 3.3 s + grafana 9.0 s)" */
  explained: string;
}

export function pathLength(spec: PathSpec, transitions: Transition[]): PathLength {
  if ('leaf' in spec) {
    const ms = unionLength(transitions.filter((t) => spec.leaf.some((s) => matches(t, s))).map((t) => [t.startedAt, t.doneAt]));
    return { ms, explained: `${spec.label} ${(ms / 1000).toFixed(1)} s` };
  }
  const parts = ('seq' in spec ? spec.seq : spec.par).map((s) => pathLength(s, transitions)).filter((p) => p.ms > 0);
  if (parts.length === 0) return { ms: 0, explained: '0' };
  if ('seq' in spec) return { ms: parts.reduce((sum, p) => sum + p.ms, 0), explained: parts.map((p) => p.explained).join(' + ') };
  const ms = Math.max(...parts.map((p) => p.ms));
  return { ms, explained: parts.length === 1 ? parts[0].explained : `max(${parts.map((p) => p.explained).join(', ')})` };
}

/** The names a request's target stands for: ARNs and lists reduced to the ids transitions use. */
export function targetIds(service: string, target: string | undefined): string[] {
  if (!target) return [];
  if (service === 'cloudformation') return [/^arn:[^:]+:cloudformation:[^:]*:\d*:(?:stack|changeSet)\/([^/]+)\//.exec(target)?.[1] ?? target];
  if (service === 'aps' || service === 'grafana') return [/workspaces?\/([^/]+)$/.exec(target)?.[1] ?? target];
  if (service === 'ecs') return target.split(',').map((s) => s.split('/').pop()!);
  return [target];
}

export interface WaitMeasure {
  transition: Transition;
  waitMs: number;
  /** From the state change to the first read of the resource that could see it. */
  lagMs: number;
  /** max(1 s, 5 % of the wait): issue 15's goal. */
  boundMs: number;
  /** Reads of the resource from the start of the transition up to the one that saw it. */
  calls: number;
  callsPerSecond: number;
}

/**
 * Each transition the run polled: one read of its resource after it began, and one at or after its end (the
 * first such read that was not an injected fault is when the run could know). Transitions nobody read
 * afterwards were not waited for and are left out.
 */
export function waits(transitions: Transition[], log: RequestLogEntry[], w: Window): WaitMeasure[] {
  const reads = log.filter((e) => !e.mutating && e.target !== undefined).map((e) => ({ e, at: Date.parse(e.at), ids: targetIds(e.service, e.target) }));
  const out: WaitMeasure[] = [];
  for (const t of startedWithin(transitions, w)) {
    const mine = reads.filter((r) => r.e.service === t.service && r.ids.includes(t.resource) && r.at >= t.startedAt && r.at <= w.to);
    const seen = mine.find((r) => r.at >= t.doneAt && !r.e.injected);
    if (!seen) continue;
    const waitMs = t.doneAt - t.startedAt;
    const calls = mine.filter((r) => r.at <= seen.at).length;
    const polled = seen.at - t.startedAt;
    out.push({
      transition: t, waitMs, lagMs: seen.at - t.doneAt, boundMs: Math.max(1000, 0.05 * waitMs),
      calls, callsPerSecond: polled > 0 ? calls / (polled / 1000) : calls,
    });
  }
  return out;
}

/**
 * How many resources a run worked on at once: each target's span runs from its first `startOperation`
 * request (throttled attempts included: the run had started on it) to its last request of any kind.
 */
export function maxConcurrentTargets(log: RequestLogEntry[], service: string, startOperation: string): number {
  const spans = new Map<string, [number, number]>();
  for (const e of log) {
    if (e.service !== service || !e.target) continue;
    const at = Date.parse(e.at);
    for (const id of targetIds(service, e.target)) {
      const span = spans.get(id);
      if (span) span[1] = at;
      else if (e.operation === startOperation) spans.set(id, [at, at]);
    }
  }
  // Ends before starts at the same millisecond: a slot freed and taken again is one slot, not two.
  const edges = [...spans.values()].flatMap(([from, to]) => [[from, 1], [to, -1]] as [number, number][]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let max = 0;
  for (const [, d] of edges) max = Math.max(max, (now += d));
  return max;
}
