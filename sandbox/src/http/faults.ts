import { Faults, GrafanaAnswerFault } from '../core/types';

const GRAFANA_ANSWERS: readonly GrafanaAnswerFault['answer'][] = ['echo-token', 'html-page', 'hang'];

/** Checks a partial Faults from the admin API or options; returns a message for the first problem. */
export function faultsProblem(partial: unknown): string | undefined {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) return 'faults must be a JSON object';
  for (const [key, value] of Object.entries(partial)) {
    if (key === 'throttleRate' || key === 'serverErrorRate') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return `${key} must be a number from 0 to 1`;
    } else if (key === 'latencyMs') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 60_000)) return 'latencyMs must be a number of milliseconds from 0 to 60000';
    } else if (key === 'services') {
      if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) return 'services must be an array of SigV4 service names';
    } else if (key === 'grafanaAnswer') {
      if (value === undefined || value === null) continue;
      const v = value as Partial<GrafanaAnswerFault>;
      if (typeof value !== 'object' || Array.isArray(value) || !GRAFANA_ANSWERS.includes(v.answer as GrafanaAnswerFault['answer'])) {
        return `grafanaAnswer must be {answer: ${GRAFANA_ANSWERS.join(' | ')}, operation?: "METHOD /api/…"}`;
      }
      if (v.operation !== undefined && typeof v.operation !== 'string') return 'grafanaAnswer.operation must be a string like "POST /api/dashboards/import"';
      if (Object.keys(value).some((k) => k !== 'answer' && k !== 'operation')) return 'grafanaAnswer takes only answer and operation';
    } else if (key === 'deny') {
      if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) return 'deny must be an array of operation names';
    } else {
      return `unknown fault setting '${key}'`;
    }
  }
  const p = partial as Partial<Faults>;
  if ((p.throttleRate ?? 0) + (p.serverErrorRate ?? 0) > 1) return 'throttleRate + serverErrorRate must not exceed 1';
  return undefined;
}

export const NO_FAULTS: Faults = { throttleRate: 0, serverErrorRate: 0, latencyMs: 0, services: [], deny: [] };

/** Decides, reproducibly from a seed, which requests get an injected fault. */
export class FaultInjector {
  private faults: Faults = { ...NO_FAULTS };
  private state: number;

  constructor(seed = 42) {
    this.state = seed >>> 0 || 1;
  }

  set(partial: Partial<Faults>): Faults {
    const problem = faultsProblem(partial);
    const merged = { ...this.faults, ...partial };
    if (problem || merged.throttleRate + merged.serverErrorRate > 1) throw new Error(`invalid faults: ${problem ?? 'throttleRate + serverErrorRate must not exceed 1'}`);
    if (merged.grafanaAnswer === null || merged.grafanaAnswer === undefined) delete merged.grafanaAnswer;
    this.faults = merged;
    return this.faults;
  }

  get(): Faults {
    return { ...this.faults };
  }

  /** What to do with one request to `service` (and its AWS `operation`, where there is one). */
  decide(service: string, operation?: string): { delayMs: number; fault?: 'throttle' | 'server-error' | 'denied' } {
    const f = this.faults;
    if (operation && f.deny?.includes(operation)) return { delayMs: f.latencyMs, fault: 'denied' };
    if (f.services.length > 0 && !f.services.includes(service)) return { delayMs: 0 };
    const roll = this.next();
    if (roll < f.throttleRate) return { delayMs: f.latencyMs, fault: 'throttle' };
    if (roll < f.throttleRate + f.serverErrorRate) return { delayMs: f.latencyMs, fault: 'server-error' };
    return { delayMs: f.latencyMs };
  }

  /**
   * The answer a proxy gives instead of Grafana to one Grafana API request (`operation` as the
   * request log names it), or undefined to let Grafana answer. Not random: a test sets it for the
   * requests it is about and clears it (grafanaAnswer: undefined).
   */
  grafanaAnswer(operation: string): GrafanaAnswerFault['answer'] | undefined {
    const f = this.faults.grafanaAnswer;
    if (!f || (f.operation !== undefined && f.operation !== operation)) return undefined;
    return f.answer;
  }

  /** xorshift32: deterministic for a seed, good enough to spread faults. */
  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }
}
