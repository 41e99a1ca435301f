import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { AwsError, CallContext, Faults, Latencies, RequestLogEntry } from '../core/types';
import { AmpModel } from '../models/amp';
import { EcsModel } from '../models/ecs';
import { CloudFormationModel } from '../models/cloudformation/model';
import { CredentialStore } from '../models/credentials';
import { GithubModel } from '../models/github';
import { GrafanaModel } from '../models/grafana';
import { ACCOUNT_ID, createIamState } from '../models/iam';
import { OidcIssuer } from '../models/oidc';
import { StsModel } from '../models/sts';
import { FaultInjector } from './faults';
import { decodeQuery, encodeQueryError, encodeQueryResult, requireQueryForm } from './query';
import { encodeRestJson, matchRoute, restJsonError, RestRoute } from './rest-json';
import { parseAuthorization, verifySignature, VerifyFailure } from './sigv4';

/** Fast enough for tests, slow enough that every wait really polls. `npm run sandbox` uses longer ones. */
export const TEST_LATENCIES: Latencies = {
  ampCreate: 600, ampDelete: 300, grafanaCreate: 1200, grafanaDelete: 600, grafanaUpdate: 300,
  cfnResource: { default: 150, 'AWS::IAM::Role': 400, ChangeSet: 150, 'ECS::Stabilize': 600, 'ECS::CircuitBreaker': 3000 },
};

export interface SandboxOptions {
  port?: number;
  latencies?: Partial<Latencies>;
  faults?: Partial<Faults>;
  seed?: number;
  ssoEnabled?: boolean;
  /** Identity Store user and group ids that exist. */
  ssoDirectory?: string[];
  /** Repositories whose workflows may assume the seeded GitHub role. */
  repositories?: string[];
}

export interface Sandbox {
  url: string;
  /** For GITHUB_API_URL. */
  githubApiUrl: string;
  amp: AmpModel;
  grafana: GrafanaModel;
  ecs: EcsModel;
  cloudformation: CloudFormationModel;
  github: GithubModel;
  oidc: OidcIssuer;
  credentials: CredentialStore;
  iam: ReturnType<typeof createIamState>;
  log: RequestLogEntry[];
  clearLog(): void;
  setFaults(faults: Partial<Faults>): Faults;
  setSsoEnabled(enabled: boolean): void;
  /** What exists now, for assertions on state rather than on the action's words. */
  state(): SandboxSnapshot;
  close(): Promise<void>;
}

type Protocol = 'rest-json' | 'query' | 'json';
const PROTOCOL: Record<string, Protocol> = { aps: 'rest-json', grafana: 'rest-json', sts: 'query', cloudformation: 'query', ecs: 'json' };

const WORKSPACE_ROUTES = (prefix: 'amp' | 'grafana'): RestRoute[] => [
  { method: 'POST', path: '/workspaces', operation: 'CreateWorkspace', status: 202 },
  { method: 'GET', path: '/workspaces', operation: 'ListWorkspaces', status: 200, query: prefix === 'amp' ? { alias: 'string', maxResults: 'integer', nextToken: 'string' } : { maxResults: 'integer', nextToken: 'string' } },
  { method: 'GET', path: '/workspaces/{workspaceId}', operation: 'DescribeWorkspace', status: 200 },
  { method: 'DELETE', path: '/workspaces/{workspaceId}', operation: 'DeleteWorkspace', status: 202, query: { clientToken: 'string' } },
  { method: 'POST', path: '/tags/{resourceArn}', operation: 'TagResource', status: 200 },
  { method: 'DELETE', path: '/tags/{resourceArn}', operation: 'UntagResource', status: 200, query: { tagKeys: 'list' } },
  { method: 'GET', path: '/tags/{resourceArn}', operation: 'ListTagsForResource', status: 200 },
];

const ROUTES: Record<string, RestRoute[]> = {
  aps: WORKSPACE_ROUTES('amp'),
  grafana: [
    ...WORKSPACE_ROUTES('grafana'),
    { method: 'PATCH', path: '/workspaces/{workspaceId}/permissions', operation: 'UpdatePermissions', status: 200 },
    { method: 'GET', path: '/workspaces/{workspaceId}/permissions', operation: 'ListPermissions', status: 200, query: { maxResults: 'integer', nextToken: 'string', userType: 'string', userId: 'string', groupId: 'string' } },
  ],
};

const READ_ONLY = /^(Describe|List|Get|Search|Head|Validate)/;

/** Starts the sandbox on 127.0.0.1: one endpoint for every AWS service, the GitHub API and the OIDC token service. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  let latencies: Latencies = { ...TEST_LATENCIES, ...options.latencies, cfnResource: { ...TEST_LATENCIES.cfnResource, ...options.latencies?.cfnResource } };
  let ssoEnabled = options.ssoEnabled ?? true;
  const iam = createIamState(options.repositories ?? ['acme/shop']);
  const credentials = new CredentialStore();
  const oidc = new OidcIssuer();
  const amp = new AmpModel(() => latencies);
  const grafana = new GrafanaModel({
    latencies: () => latencies, iam, ssoEnabled: () => ssoEnabled,
    ssoDirectory: new Set(options.ssoDirectory ?? ['906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab', '1234abcd-12ab-34cd-56ef-1234567890ab']),
  });
  const sts = new StsModel(iam, oidc, credentials);
  const ecs = new EcsModel();
  const cloudformation = new CloudFormationModel({ iam, ecs, latencies: () => latencies, accountId: ACCOUNT_ID });
  const github = new GithubModel();
  const faults = new FaultInjector(options.seed);
  if (options.faults) faults.set(options.faults);
  const log: RequestLogEntry[] = [];
  let seq = 0;

  // Inputs are wire-decoded and checked by each operation against its model.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const operations: Record<string, Record<string, (input: any, ctx: CallContext) => unknown>> = {
    aps: {
      CreateWorkspace: (i, c) => amp.createWorkspace(i, c), DescribeWorkspace: (i, c) => amp.describeWorkspace(i, c),
      ListWorkspaces: (i, c) => amp.listWorkspaces(i, c), DeleteWorkspace: (i, c) => amp.deleteWorkspace(i, c),
      TagResource: (i, c) => amp.tagResource(i, c), UntagResource: (i, c) => amp.untagResource(i, c),
      ListTagsForResource: (i, c) => amp.listTagsForResource(i, c),
    },
    grafana: {
      CreateWorkspace: (i, c) => grafana.createWorkspace(i, c), DescribeWorkspace: (i, c) => grafana.describeWorkspace(i, c),
      ListWorkspaces: (i, c) => grafana.listWorkspaces(i, c), DeleteWorkspace: (i, c) => grafana.deleteWorkspace(i, c),
      UpdatePermissions: (i, c) => grafana.updatePermissions(i, c), ListPermissions: (i, c) => grafana.listPermissions(i, c),
      TagResource: (i, c) => grafana.tagResource(i, c), UntagResource: (i, c) => grafana.untagResource(i, c),
      ListTagsForResource: (i, c) => grafana.listTagsForResource(i, c),
    },
    ecs: {
      DescribeServices: (i, c) => ecs.describeServices(i, c), ListTasks: (i, c) => ecs.listTasks(i, c), DescribeTasks: (i, c) => ecs.describeTasks(i, c),
    },
    sts: {
      AssumeRoleWithWebIdentity: (i) => sts.assumeRoleWithWebIdentity(i),
      GetCallerIdentity: (i, c) => sts.getCallerIdentity(i, c),
    },
  };

  const server: Server = createServer((req, res) => {
    readBody(req).then((body) => handle(req, res, body)).catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sandbox error: ${(err as Error).stack}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith('/_sandbox/')) return admin(req, res, url, body);
    if (url.pathname === '/_oidc/token') return oidcToken(req, res, url);
    if (url.pathname === '/github' || url.pathname.startsWith('/github/')) return githubApi(req, res, url, body);
    return awsApi(req, res, url, body);
  }

  async function awsApi(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const scope = parseAuthorization(req.headers.authorization);
    const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body.toString('utf8')) : undefined;
    const unsignedSts = scope === undefined && form?.get('Action') === 'AssumeRoleWithWebIdentity';
    const service = scope && scope !== 'malformed' ? scope.service : unsignedSts ? 'sts' : form ? 'sts' : 'aps';
    const protocol = PROTOCOL[service];
    const entry: RequestLogEntry = {
      seq: ++seq, at: new Date().toISOString(), service, operation: 'Unknown', mutating: true, status: 0,
      accessKeyId: scope && scope !== 'malformed' ? scope.accessKeyId : undefined,
    };
    entry.userAgent = [req.headers['x-amz-user-agent'], req.headers['user-agent']].filter(Boolean).join(' ');
    log.push(entry);

    const reply = (status: number, headers: Record<string, string>, text: string) => {
      entry.status = status;
      res.writeHead(status, { 'x-amzn-requestid': requestId, ...headers });
      res.end(text);
    };
    const fail = (err: AwsError, p: Protocol = protocol ?? 'rest-json') => {
      entry.errorCode = err.code;
      if (p === 'query') reply(err.status, { 'content-type': 'text/xml' }, encodeQueryError(service, err, requestId));
      else if (p === 'json') reply(err.status, { 'content-type': 'application/x-amz-json-1.1' }, encodeRestJson({ __type: err.code, message: err.message }));
      else {
        const e = restJsonError(err);
        reply(e.status, e.headers, e.body);
      }
    };

    try {
      if (!protocol) throw new AwsError('UnknownService', `The sandbox does not model service '${service}'.`, 400);
      let input: Record<string, unknown>;
      let status = 200;
      if (protocol === 'query') {
        requireQueryForm(req.headers['content-type']);
        const decoded = decodeQuery(form!);
        entry.operation = decoded.action || 'Unknown';
        input = decoded.input;
      } else if (protocol === 'json') {
        const target = String(req.headers['x-amz-target'] ?? '');
        if (method !== 'POST' || !target.startsWith('AmazonEC2ContainerServiceV20141113.')) throw new AwsError('UnknownOperationException', `Unknown target ${target}`, 400);
        entry.operation = target.split('.')[1];
        input = body.length > 0 ? JSON.parse(body.toString('utf8')) as Record<string, unknown> : {};
      } else {
        const matched = matchRoute(ROUTES[service], method, url.pathname, url.searchParams, body);
        if (!matched) throw new AwsError('UnknownOperationException', `No operation matches ${method} ${url.pathname}`, 404);
        entry.operation = matched.route.operation;
        input = matched.input;
        status = matched.route.status;
      }
      entry.mutating = !READ_ONLY.test(entry.operation);

      let ctx: CallContext;
      if (unsignedSts) {
        ctx = { region: 'us-east-1', accountId: ACCOUNT_ID, accessKeyId: '', principalArn: '', requestId };
      } else {
        if (scope === undefined) throw authError(protocol, 'missing');
        if (scope === 'malformed') throw authError(protocol, 'malformed');
        const verdict = await verifySignature({ scope, method, path: url.pathname, query: url.searchParams, headers: req.headers, body }, credentials);
        if ('failure' in verdict) throw authError(protocol, verdict.failure);
        ctx = { region: scope.region, accountId: verdict.credential.accountId, accessKeyId: scope.accessKeyId, principalArn: verdict.credential.principalArn, requestId };
      }

      const decision = faults.decide(service);
      if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
      if (decision.fault) {
        entry.injected = decision.fault;
        throw decision.fault === 'throttle'
          ? protocol === 'query' ? new AwsError('Throttling', 'Rate exceeded', 400) : new AwsError('ThrottlingException', 'Rate exceeded', 429)
          : protocol === 'query' ? new AwsError('ServiceUnavailable', 'Service is unable to handle request.', 503) : new AwsError('InternalServerException', 'Internal server error', 500);
      }

      if (service === 'cloudformation') {
        const result = await cloudformation.call(entry.operation, input, ctx);
        return reply(200, { 'content-type': 'text/xml' }, encodeQueryResult(service, entry.operation, result, requestId));
      }
      const op = operations[service][entry.operation];
      if (!op) throw protocol === 'query' ? new AwsError('InvalidAction', `Could not find operation ${entry.operation}`, 400) : new AwsError('UnknownOperationException', entry.operation, 404);
      const result = (await op(input, ctx)) as Record<string, unknown>;
      if (protocol === 'query') return reply(200, { 'content-type': 'text/xml' }, encodeQueryResult(service, entry.operation, result, requestId));
      return reply(status, { 'content-type': protocol === 'json' ? 'application/x-amz-json-1.1' : 'application/json' }, encodeRestJson(result));
    } catch (err) {
      if (err instanceof AwsError) return fail(err);
      throw err;
    }
  }

  function oidcToken(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const jwt = bearer ? oidc.mint(bearer, url.searchParams.get('audience') ?? undefined) : undefined;
    log.push({ seq: ++seq, at: new Date().toISOString(), service: 'oidc', operation: 'GET /_oidc/token', mutating: false, status: jwt ? 200 : 401 });
    res.writeHead(jwt ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwt ? { value: jwt } : { message: 'Unauthorized' }));
  }

  function githubApi(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const path = url.pathname.slice('/github'.length) || '/';
    const base = `http://${req.headers.host}/github`;
    const reply = github.handle(req.method ?? 'GET', path, url.searchParams, req.headers.authorization, body.toString('utf8'), base);
    log.push({ seq: ++seq, at: new Date().toISOString(), service: 'github', operation: `${req.method} ${path}`, mutating: req.method !== 'GET', status: reply.status });
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  function admin(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value, null, 2));
    };
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /_sandbox/log') return json(200, log);
    if (route === 'DELETE /_sandbox/log') { log.length = 0; return json(200, {}); }
    if (route === 'PUT /_sandbox/faults') return json(200, faults.set(JSON.parse(body.toString('utf8') || '{}') as Partial<Faults>));
    if (route === 'PUT /_sandbox/latencies') {
      const patch = JSON.parse(body.toString('utf8') || '{}') as Partial<Latencies>;
      latencies = { ...latencies, ...patch, cfnResource: { ...latencies.cfnResource, ...patch.cfnResource } };
      return json(200, latencies);
    }
    if (route === 'GET /_sandbox/state') return json(200, snapshotOf({ amp, grafana, iam, cloudformation, github }));
    return json(404, { message: `no admin route ${route}` });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, githubApiUrl: `${url}/github`, amp, grafana, ecs, cloudformation, github, oidc, credentials, iam, log,
    clearLog: () => { log.length = 0; },
    setFaults: (f) => faults.set(f),
    setSsoEnabled: (enabled) => { ssoEnabled = enabled; },
    state: () => snapshotOf({ amp, grafana, iam, cloudformation, github }),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export function snapshotOf({ amp, grafana, iam, cloudformation, github }: Pick<Sandbox, 'amp' | 'grafana' | 'iam' | 'cloudformation' | 'github'>) {
  return {
    ampWorkspaces: [...amp.workspaces.values()].map((w) => amp.refresh(w)).filter((w) => amp.workspaces.has(w.id))
      .map(({ id, arn, alias, region, status, tags }) => ({ id, arn, alias, region, status, tags })),
    grafanaWorkspaces: [...grafana.workspaces.values()].map((w) => grafana.refresh(w)).filter((w) => grafana.workspaces.has(w.id))
      .map((w) => ({ id: w.id, name: w.name, region: w.region, status: w.status, permissionType: w.permissionType, roleArn: w.roleArn,
        endpoint: `${w.id}.grafana-workspace.${w.region}.amazonaws.com`, tags: w.tags, admins: [...w.permissions].filter(([, p]) => p.role === 'ADMIN').map(([id]) => id) })),
    roles: [...iam.roles.values()].map(({ roleName, arn, assumeRolePolicyDocument, policies, tags }) => ({ roleName, arn, assumeRolePolicyDocument, policies, tags })),
    stacks: cloudformation.snapshot(),
    comments: github.comments.map(({ id, repository, issue, body }) => ({ id, repository, issue, body })),
  };
}

export type SandboxSnapshot = ReturnType<typeof snapshotOf>;

function authError(protocol: Protocol, failure: VerifyFailure | 'missing'): AwsError {
  const rest = protocol === 'rest-json';
  switch (failure) {
    case 'missing': return rest ? new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403) : new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    case 'unknown-key': return rest ? new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403) : new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    case 'expired-credentials': return rest ? new AwsError('ExpiredTokenException', 'The security token included in the request is expired', 403) : new AwsError('ExpiredToken', 'The security token included in the request is expired', 403);
    case 'bad-token': return rest ? new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403) : new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    case 'skewed': return rest ? new AwsError('InvalidSignatureException', 'Signature expired: the request time is more than 15 minutes from the server time.', 403) : new AwsError('SignatureDoesNotMatch', 'Signature expired', 403);
    case 'malformed': return rest ? new AwsError('IncompleteSignatureException', 'Authorization header requires Credential, SignedHeaders and Signature.', 403) : new AwsError('IncompleteSignature', 'Authorization header is malformed.', 403);
    default: return rest ? new AwsError('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided.', 403) : new AwsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 403);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
