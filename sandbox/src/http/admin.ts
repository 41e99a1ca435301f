import type { IncomingMessage, ServerResponse } from 'node:http';
import { Faults, Latencies, RequestLogEntry } from '../core/types';
import { faultsProblem } from './faults';

export interface AdminDeps {
  log(): RequestLogEntry[];
  clearLog(): void;
  faults(): Faults;
  setFaults(partial: Partial<Faults>): Faults;
  latencies(): Latencies;
  setLatencies(partial: Partial<Latencies>): Latencies;
  state(): unknown;
}

/**
 * The sandbox's own HTTP API under /_sandbox/, so another process (the demo, a shell) can read the
 * request log and state and inject faults. It is not AWS: no signature, plain JSON.
 */
export function createAdminApi(deps: AdminDeps) {
  return function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value, null, 2));
    };
    const parsed = (): { value?: unknown; error?: string } => {
      try {
        return { value: JSON.parse(body.toString('utf8') || '{}') as unknown };
      } catch {
        return { error: 'the body is not JSON' };
      }
    };
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /_sandbox/log': return json(200, deps.log());
      case 'DELETE /_sandbox/log': deps.clearLog(); return json(200, {});
      case 'GET /_sandbox/faults': return json(200, deps.faults());
      case 'PUT /_sandbox/faults': {
        const { value, error } = parsed();
        const problem = error ?? faultsProblem(value);
        if (problem) return json(400, { message: problem });
        try {
          return json(200, deps.setFaults(value as Partial<Faults>));
        } catch (err) {
          return json(400, { message: (err as Error).message });
        }
      }
      case 'GET /_sandbox/latencies': return json(200, deps.latencies());
      case 'PUT /_sandbox/latencies': {
        const { value, error } = parsed();
        const problem = error ?? latenciesProblem(value);
        if (problem) return json(400, { message: problem });
        return json(200, deps.setLatencies(value as Partial<Latencies>));
      }
      case 'GET /_sandbox/state': return json(200, deps.state());
      default: return json(404, { message: `no admin route ${req.method} ${url.pathname}` });
    }
  };
}

const LATENCY_KEYS = new Set(['ampCreate', 'ampDelete', 'grafanaCreate', 'grafanaDelete', 'grafanaUpdate', 'cfnResource']);

function latenciesProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'latencies must be a JSON object';
  const isMs = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 3_600_000;
  for (const [key, v] of Object.entries(value)) {
    if (!LATENCY_KEYS.has(key)) return `unknown latency '${key}'`;
    if (key === 'cfnResource') {
      if (typeof v !== 'object' || v === null || Object.values(v).some((ms) => !isMs(ms))) return 'cfnResource must map resource types to milliseconds';
    } else if (!isMs(v)) return `${key} must be milliseconds`;
  }
  return undefined;
}
