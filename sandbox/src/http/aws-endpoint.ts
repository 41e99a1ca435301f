import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AwsError, CallContext, RequestLogEntry } from '../core/types';
import { CredentialStore } from '../models/credentials';
import { accessDenied } from '../iam/denied';
import type { AuthorizationRequest, Authorizer } from '../iam/types';
import { hasMapping, UnauthorizableRequest } from '../iam/requests';
import { ACCOUNT_ID } from '../models/iam';
import { authError } from './auth-errors';
import { FaultInjector } from './faults';
import { requestTarget } from './request-target';
import { ec2Denied, ec2Fault, ec2UnknownOperation, encodeEc2Error, encodeEc2Result } from './ec2-query';
import { decodeQuery, encodeQueryError, encodeQueryResult, requireActionAndVersion, requireQueryForm } from './query';
import { encodeRestJson, matchRoute, restJsonError, RestRoute } from './rest-json';
import { parseAuthorization, verifySignature } from './sigv4';

export type Protocol = 'rest-json' | 'query' | 'json' | 'ec2';

/** How one SigV4 service is reached and answered. Models never see HTTP. */
export interface ServiceBinding {
  protocol: Protocol;
  /** restJson: the routes, from the service's spec table. */
  routes?: RestRoute[];
  /** awsJson: the X-Amz-Target prefix, e.g. AmazonEC2ContainerServiceV20141113. */
  targetPrefix?: string;
  /** Runs one operation; throws AwsError for the service's errors (UnknownOperation included). */
  call: BindingCall;
  /**
   * The operations the service serves, when `call` is not a dispatchTable (which knows its own):
   * each needs an authorization mapping, so that none is served unauthorized.
   */
  operations?: readonly string[];
}

export type BindingCall = ((operation: string, input: Record<string, unknown>, ctx: CallContext) => unknown) & { operations?: readonly string[] };

// Inputs are wire-decoded and checked by each operation against its spec.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationTable = Record<string, (input: any, ctx: CallContext) => unknown>;

/** A binding's call() over a table of operations. */
export function dispatchTable(protocol: Protocol, table: OperationTable): BindingCall {
  const call: BindingCall = (operation, input, ctx) => {
    if (!Object.hasOwn(table, operation)) throw unknownOperation(protocol, operation);
    return table[operation](input, ctx);
  };
  call.operations = Object.keys(table);
  return call;
}

/** What a binding serves: its dispatch table's operations, or the list it declares. */
export function operationsOf(binding: ServiceBinding): readonly string[] | undefined {
  return binding.operations ?? binding.call.operations;
}

export function unknownOperation(protocol: Protocol, operation: string): AwsError {
  if (protocol === 'ec2') return ec2UnknownOperation(operation);
  return protocol === 'query'
    ? new AwsError('InvalidAction', `Could not find operation ${operation}`, 400)
    : new AwsError('UnknownOperationException', `Unknown operation ${operation}`, 404);
}

// Exchanging a token for credentials changes nothing in the account either.
const READ_ONLY = /^(Describe|List|Get|Search|Head|Validate|AssumeRoleWithWebIdentity$)/;

/** The one AWS call the SDK sends without SigV4: the web-identity exchange needs no credentials. */
const UNSIGNED_ACTIONS = new Set(['AssumeRoleWithWebIdentity']);

export interface AwsEndpointDeps {
  services: Record<string, ServiceBinding>;
  credentials: CredentialStore;
  faults: FaultInjector;
  /** Appends an entry to the request log and returns it for the pipeline to complete. */
  record(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry;
  /** IAM for every call: the authorizer, and what AWS asks it for each (service, operation). */
  authorizer: Authorizer;
  requestsFor(service: string, operation: string, input: Record<string, unknown>, ctx: CallContext): Promise<AuthorizationRequest[]>;
}

/**
 * One AWS request: pick the service by the credential scope, verify the signature, decode the
 * operation, apply injected faults and then IAM's authorization before the model can change
 * anything, run it, encode the answer.
 */
export function createAwsEndpoint(deps: AwsEndpointDeps) {
  requireMappings(deps.services);
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const scope = parseAuthorization(req.headers.authorization);
    const isForm = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const form = isForm ? new URLSearchParams(body.toString('utf8')) : undefined;
    const unsigned = scope === undefined && UNSIGNED_ACTIONS.has(form?.get('Action') ?? '');
    // Without a scope there is no service name; a form body is what the query services (STS) get.
    const service = scope && scope !== 'malformed' ? scope.service : form ? 'sts' : 'aps';
    const binding = Object.hasOwn(deps.services, service) ? deps.services[service] : undefined;
    const protocol: Protocol = binding?.protocol ?? 'rest-json';
    const entry = deps.record({
      service, operation: 'Unknown', mutating: true, status: 0,
      accessKeyId: scope && scope !== 'malformed' ? scope.accessKeyId : undefined,
      userAgent: [req.headers['x-amz-user-agent'], req.headers['user-agent']].filter(Boolean).join(' '),
    });

    const reply = (status: number, contentType: string, text: string, headers: Record<string, string> = {}) => {
      entry.status = status;
      res.writeHead(status, { 'x-amzn-requestid': requestId, 'content-type': contentType, ...headers });
      res.end(text);
    };

    try {
      if (!binding) throw new AwsError('UnrecognizedClientException', `The sandbox does not model the service '${service}'.`, 400);
      // Decoded first so the log can name the operation, but authentication is judged first, as AWS
      // does: an unsigned request to a path that matches nothing is still a missing-token error.
      let decoded: ReturnType<typeof decode> | AwsError;
      try {
        decoded = decode(binding, service, method, url, req, body, form);
        entry.operation = decoded.operation;
        entry.mutating = !READ_ONLY.test(decoded.operation);
        entry.target = requestTarget(service, decoded.input);
      } catch (err) {
        if (!(err instanceof AwsError)) throw err;
        decoded = err;
      }
      const ctx = await authenticate();
      if (decoded instanceof AwsError) throw decoded;
      const { operation, input, status } = decoded;
      const decision = deps.faults.decide(service, operation);
      if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
      if (decision.fault) {
        entry.injected = decision.fault;
        throw injectedFault(protocol, decision.fault);
      }

      const result = (await authorizedCall(binding, service, operation, input, ctx, entry)) as Record<string, unknown>;
      if (protocol === 'ec2') return reply(200, 'text/xml;charset=UTF-8', encodeEc2Result(operation, result, requestId));
      if (protocol === 'query') return reply(200, 'text/xml', encodeQueryResult(service, operation, result, requestId));
      if (protocol === 'json') return reply(200, 'application/x-amz-json-1.1', encodeRestJson(result));
      return reply(status, 'application/json', encodeRestJson(result));
    } catch (err) {
      if (!(err instanceof AwsError)) {
        // A sandbox bug: the server answers 500 with the stack; the log says so too.
        entry.status = 500;
        entry.errorCode = 'SandboxError';
        throw err;
      }
      entry.errorCode = err.code;
      if (protocol === 'ec2') return reply(err.status, 'text/xml;charset=UTF-8', encodeEc2Error(err, requestId));
      if (protocol === 'query') return reply(err.status, 'text/xml', encodeQueryError(service, err, requestId));
      if (protocol === 'json') return reply(err.status, 'application/x-amz-json-1.1', encodeRestJson({ __type: err.code, message: err.message, ...err.extra }));
      const e = restJsonError(err);
      return reply(e.status, 'application/json', e.body, e.headers);
    }

    /**
     * Runs the operation if IAM allows every request AWS makes for it; a denial answers as the
     * service does, before the model runs. An operation the binding does not serve is the service's
     * unknown-operation error, as AWS answers it before any authorization.
     */
    async function authorizedCall(binding: ServiceBinding, service: string, operation: string, input: Record<string, unknown>, ctx: CallContext, logged: RequestLogEntry): Promise<unknown> {
      if (!operationsOf(binding)!.includes(operation)) return binding.call(operation, input, ctx);
      let requests: AuthorizationRequest[];
      try {
        requests = await deps.requestsFor(service, operation, input, ctx);
      } catch (err) {
        if (!(err instanceof UnauthorizableRequest)) throw err;
        // The service's own validation answers a malformed request; should the model accept it, it ran unauthorized.
        await binding.call(operation, input, ctx);
        throw new Error(`sandbox bug: ${service}:${operation} accepted a request its authorization mapping calls malformed`, { cause: err });
      }
      for (const request of requests) {
        const verdict = await deps.authorizer.authorize(ctx.principalArn, ctx.region, request);
        if (!verdict.allowed) {
          logged.denied = { action: request.action, resource: request.resource };
          throw protocol === 'ec2' ? ec2Denied(verdict) : accessDenied(protocol, verdict);
        }
      }
      return binding.call(operation, input, ctx);
    }

    async function authenticate(): Promise<CallContext> {
      if (unsigned) return { region: 'us-east-1', accountId: ACCOUNT_ID, accessKeyId: '', principalArn: '', requestId };
      if (scope === undefined) throw authError(protocol === 'ec2' ? 'query' : protocol, 'missing');
      if (scope === 'malformed') throw authError(protocol === 'ec2' ? 'query' : protocol, 'malformed');
      const verdict = await verifySignature({ scope, method, path: url.pathname, query: url.searchParams, headers: req.headers, body }, deps.credentials);
      if ('failure' in verdict) throw authError(protocol === 'ec2' ? 'query' : protocol, verdict.failure);
      return { region: scope.region, accountId: verdict.credential.accountId, accessKeyId: scope.accessKeyId, principalArn: verdict.credential.principalArn, requestId };
    }
  };
}

/** Every operation a binding serves must have an authorization mapping, or the sandbox does not start. */
function requireMappings(services: Record<string, ServiceBinding>): void {
  for (const [service, binding] of Object.entries(services)) {
    const operations = operationsOf(binding);
    if (!operations) throw new Error(`sandbox bug: the ${service} binding does not say which operations it serves, so their authorization cannot be checked`);
    const unmapped = operations.filter((op) => !hasMapping(service, op));
    if (unmapped.length > 0) throw new Error(`sandbox bug: no authorization mapping for ${unmapped.map((op) => `${service}:${op}`).join(', ')}`);
  }
}

function decode(binding: ServiceBinding, service: string, method: string, url: URL, req: IncomingMessage, body: Buffer, form: URLSearchParams | undefined) {
  if (binding.protocol === 'query' || binding.protocol === 'ec2') {
    requireQueryForm(method, req.headers['content-type']);
    const decoded = decodeQuery(form!);
    requireActionAndVersion(service, decoded.action, decoded.version);
    return { operation: decoded.action, input: decoded.input, status: 200 };
  }
  if (binding.protocol === 'json') {
    const target = String(req.headers['x-amz-target'] ?? '');
    const [prefix, operation] = target.split('.');
    if (method !== 'POST' || prefix !== binding.targetPrefix || !operation) throw new AwsError('UnknownOperationException', `Unknown target ${target}`, 400);
    let input: unknown = {};
    try {
      if (body.length > 0) input = JSON.parse(body.toString('utf8'));
    } catch {
      throw new AwsError('SerializationException', 'Could not parse the request body as JSON.', 400);
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AwsError('SerializationException', 'The request body must be a JSON object.', 400);
    return { operation, input: input as Record<string, unknown>, status: 200 };
  }
  const matched = matchRoute(binding.routes ?? [], method, url.pathname, url.searchParams, body);
  if (!matched) throw new AwsError('UnknownOperationException', `No operation matches ${method} ${url.pathname}`, 404);
  return { operation: matched.route.operation, input: matched.input, status: matched.route.status };
}

/** The throttling and server errors each protocol's clients recognise (and retry). */
function injectedFault(protocol: Protocol, fault: 'throttle' | 'server-error' | 'denied'): AwsError {
  if (fault === 'denied') {
    const message = 'User is not authorized to perform this action (denied by the sandbox\'s fault settings).';
    if (protocol === 'ec2') return new AwsError('UnauthorizedOperation', message, 403);
    return protocol === 'query' ? new AwsError('AccessDenied', message, 403) : new AwsError('AccessDeniedException', message, 403);
  }
  if (protocol === 'ec2') return ec2Fault(fault);
  if (fault === 'throttle') {
    if (protocol === 'query') return new AwsError('Throttling', 'Rate exceeded', 400);
    if (protocol === 'json') return new AwsError('ThrottlingException', 'Rate exceeded', 400);
    return new AwsError('ThrottlingException', 'Rate exceeded', 429);
  }
  if (protocol === 'query') return new AwsError('ServiceUnavailable', 'Service is unable to handle request.', 503);
  if (protocol === 'json') return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
  return new AwsError('InternalServerException', 'Internal server error', 500);
}
