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
  /** Failures a person most wants to see, injectable from a shell (the models' own test hooks). */
  failures: {
    tasks(reason: string, container?: string): void;
    clearTasks(): void;
    resource(match: ResourceMatch, reason: string, opts: { once: boolean; operation?: 'CREATE' | 'UPDATE' | 'DELETE' }): void;
    ampCreate(count: number): void;
  };
  /** An OIDC request token for a job of `repository` (what ACTIONS_ID_TOKEN_REQUEST_TOKEN holds in that job). */
  grantOidc(job: { repository: string; event: string; workflowFile: string; prNumber?: number }): string;
}

export interface ResourceMatch {
  logicalId?: string;
  type?: string;
  stackName?: string;
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
      case 'PUT /_sandbox/failures/tasks': {
        // {"reason": "CannotPullContainerError: …", "container": "app"}: the next deployments' tasks stop so.
        const { value, error } = parsed();
        const v = value as { reason?: unknown; container?: unknown } | undefined;
        const problem = error ?? (!isText(v?.reason) ? 'reason must be a non-empty string (the stopped reason ECS gives)'
          : v?.container !== undefined && !isText(v.container) ? 'container must be a container name' : undefined);
        if (problem) return json(400, { message: problem });
        deps.failures.tasks(v!.reason as string, v!.container as string | undefined);
        return json(200, {});
      }
      case 'DELETE /_sandbox/failures/tasks': deps.failures.clearTasks(); return json(200, {});
      case 'PUT /_sandbox/failures/resources': {
        // {"match": {"type": "AWS::ECS::Service"}, "reason": "…", "once": true, "operation": "CREATE"}
        const { value, error } = parsed();
        const problem = error ?? resourceFailureProblem(value);
        if (problem) return json(400, { message: problem });
        const v = value as { match: ResourceMatch; reason: string; once?: boolean; operation?: 'CREATE' | 'UPDATE' | 'DELETE' };
        deps.failures.resource(v.match, v.reason, { once: v.once ?? true, operation: v.operation });
        return json(200, {});
      }
      case 'POST /_sandbox/oidc/grant': {
        // {"repository": "acme/shop", "event": "pull_request_target", "workflowFile": ".github/workflows/destroy.yml", "prNumber": 1}
        const { value, error } = parsed();
        const v = (value ?? {}) as Record<string, unknown>;
        const problem = error
          ?? (typeof v.repository !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(v.repository) ? 'repository must be owner/name' : undefined)
          ?? (typeof v.event !== 'string' || !/^[a-z_]+$/.test(v.event) ? 'event must be an event name such as pull_request' : undefined)
          ?? (typeof v.workflowFile !== 'string' || !/^\.github\/workflows\/[\w.-]+\.ya?ml$/.test(v.workflowFile) ? 'workflowFile must be .github/workflows/<file>.yml' : undefined)
          ?? (v.prNumber !== undefined && !(Number.isInteger(v.prNumber) && (v.prNumber as number) > 0) ? 'prNumber must be a PR number' : undefined);
        if (problem) return json(400, { message: problem });
        return json(200, { token: deps.grantOidc(v as { repository: string; event: string; workflowFile: string; prNumber?: number }) });
      }
      case 'PUT /_sandbox/failures/amp-create': {
        // {"count": 1}: the next AMP workspaces end CREATION_FAILED.
        const { value, error } = parsed();
        const count = (value as { count?: unknown } | undefined)?.count ?? 1;
        if (error || typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100) return json(400, { message: error ?? 'count must be a whole number from 1 to 100' });
        deps.failures.ampCreate(count);
        return json(200, {});
      }
      default: return json(404, { message: `no admin route ${req.method} ${url.pathname}` });
    }
  };
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0 && v.length <= 1024;
}

function resourceFailureProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be a JSON object';
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!['match', 'reason', 'once', 'operation'].includes(key)) return `unknown member '${key}'`;
  const match = v.match as Record<string, unknown> | undefined;
  if (typeof match !== 'object' || match === null || Array.isArray(match)) return 'match must be an object of logicalId, type and/or stackName';
  const keys = Object.keys(match);
  if (keys.length === 0 || keys.some((k) => !['logicalId', 'type', 'stackName'].includes(k) || !isText(match[k]))) return 'match must name at least one of logicalId, type, stackName (strings)';
  if (!isText(v.reason)) return 'reason must be a non-empty string (the status reason CloudFormation shows)';
  if (v.once !== undefined && typeof v.once !== 'boolean') return 'once must be true or false';
  if (v.operation !== undefined && !['CREATE', 'UPDATE', 'DELETE'].includes(v.operation as string)) return 'operation must be CREATE, UPDATE or DELETE';
  return undefined;
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
