import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Faults, Latencies, RequestLogEntry } from '../core/types';
import { AmpModel } from '../models/amp';
import { EcsModel } from '../models/ecs';
import { LogsModel } from '../models/logs';
import { TASK_ORIGIN_HEADER, TaskRuntime } from '../runtime/task-runtime';
import { CloudFormationModel } from '../models/cloudformation/model';
import { CredentialStore } from '../models/credentials';
import { GithubModel } from '../models/github';
import { GrafanaModel } from '../models/grafana';
import { ACCOUNT_ID, createIamState, GITHUB_ROLE_NAME } from '../models/iam';
import { AuthorizationRecord, SandboxAuthorizer } from '../iam/authorizer';
import { applyBootstrap, BootstrapRoles } from '../iam/bootstrap';
import { modelView, requestsFor } from '../iam/requests';
import { CLOUDFORMATION_OPERATIONS } from '../iam/requests-cloudformation';
import { OidcIssuer } from '../models/oidc';
import { AMP_SPEC } from '../models/specs/amp';
import { GRAFANA_SPEC } from '../models/specs/grafana';
import { ServiceSpec } from '../models/specs/operation';
import { StsModel } from '../models/sts';
import { PrometheusPool } from '../prometheus/pool';
import { createAdminApi } from './admin';
import { DEFAULT_RUNNER_ADDRESS, startAppProxy } from './app-proxy';
import { AMP_DATA_PLANE_PATH, createAmpDataPlane } from './amp-data-plane';
import { createAwsEndpoint, dispatchTable, ServiceBinding } from './aws-endpoint';
import { FaultInjector } from './faults';
import { openGrafanaListener } from './grafana-workspace-api';
import { RestRoute } from './rest-json';
import { readBody } from './read-body';

/** Fast enough for tests, slow enough that every wait really polls. `npm run sandbox` uses longer ones. */
export const TEST_LATENCIES: Latencies = {
  ampCreate: 600, ampDelete: 300, grafanaCreate: 1200, grafanaDelete: 600, grafanaUpdate: 300,
  cfnResource: { default: 150, 'AWS::IAM::Role': 400, ChangeSet: 150, 'ECS::Stabilize': 600, 'ECS::CircuitBreaker': 3000 },
};

/** Identity Store ids that exist unless `ssoDirectory` says otherwise: one user, one group. */
export const DEFAULT_SSO_DIRECTORY = ['906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab', '1234abcd-12ab-34cd-56ef-1234567890ab'];
export const DEFAULT_REPOSITORIES = ['acme/shop'];
/** Requests larger than this are refused before decoding (CloudFormation's TemplateBody limit is 51,200 bytes). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface SandboxOptions {
  /** Default 0: any free port. */
  port?: number;
  latencies?: Partial<Latencies>;
  faults?: Partial<Faults>;
  /** Seed of the fault RNG: the same seed and request sequence get the same faults. */
  seed?: number;
  /** Whether IAM Identity Center is enabled (AMG with AWS_SSO needs it). Default true. */
  ssoEnabled?: boolean;
  /** Identity Store user and group ids that exist. */
  ssoDirectory?: string[];
  /** Repositories whose workflows may assume the seeded GitHub role, each bootstrapped with templates/bootstrap.yaml. */
  repositories?: string[];
  /**
   * Inline policies (by name) of the seeded role `github-actions-preview` (trusted by every workflow of
   * `repositories`), for tests of the sandbox itself; default: one allowing everything. The action's
   * runs use the bootstrap roles instead (sandbox.bootstrap).
   */
  workflowRolePolicies?: Record<string, unknown>;
  /** Parameter overrides for every repository's bootstrap stack (e.g. CreateCloudFormationServiceRole). */
  bootstrapParameters?: Record<string, string>;
  /**
   * The runner's public IPv4 as AWS sees it (default 198.51.100.7, TEST-NET-2): the app proxy
   * delivers a request only where a security group admits it, so ingress-cidrs are enforced.
   */
  runnerAddress?: string;
  /** How long the app proxy holds a connection a security group drops before reporting the timeout (default 1500 ms). */
  droppedConnectionMs?: number;
}

/** The seeded role's default: for tests of the sandbox's own protocols, never for the action's runs. */
export const SANDBOX_ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

export interface Sandbox {
  /** AWS_ENDPOINT_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** GITHUB_API_URL. */
  githubApiUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL (the client appends &audience=…). */
  oidcRequestUrl: string;
  /** HTTP_PROXY for the action: the internet between the runner and the preview's app (sandbox/src/http/app-proxy.ts). */
  appProxyUrl: string;
  /** The runner's public address the security groups judge. */
  runnerAddress: string;
  amp: AmpModel;
  grafana: GrafanaModel;
  ecs: EcsModel;
  /** CloudWatch Logs: the stack's log groups and what the tasks' containers write there. */
  logs: LogsModel;
  /** The stand-ins of every RUNNING task (app and collector): sandbox/src/runtime/. */
  runtime: TaskRuntime;
  cloudformation: CloudFormationModel;
  github: GithubModel;
  /** The real Prometheus behind each AMP workspace's data plane: urlFor(workspaceId) starts it if needed. */
  prometheus: PrometheusPool;
  oidc: OidcIssuer;
  credentials: CredentialStore;
  iam: ReturnType<typeof createIamState>;
  /** Per repository: the roles templates/bootstrap.yaml created (the account as the README's setup leaves it). */
  bootstrap: Record<string, BootstrapRoles>;
  log: RequestLogEntry[];
  /** IAM's decisions, every one: the endpoint's for each call, CloudFormation's for what it does on the caller's behalf. */
  authorizations: AuthorizationRecord[];
  /** The authorizer the endpoint asks (and CloudFormation's engine may ask). */
  authorizer: SandboxAuthorizer;
  /** Clears the request log and the authorizations. */
  clearLog(): void;
  faults(): Faults;
  setFaults(faults: Partial<Faults>): Faults;
  setLatencies(latencies: Partial<Latencies>): Latencies;
  setSsoEnabled(enabled: boolean): void;
  /** What exists now, for assertions on state rather than on the action's words. */
  state(): SandboxSnapshot;
  close(): Promise<void>;
}

/** Starts the sandbox on 127.0.0.1: one endpoint for every AWS service, the GitHub API and the OIDC token service. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  let latencies = mergeLatencies(TEST_LATENCIES, options.latencies);
  let ssoEnabled = options.ssoEnabled ?? true;
  const iam = createIamState(options.repositories ?? DEFAULT_REPOSITORIES);
  iam.roles.get(GITHUB_ROLE_NAME)!.policies = options.workflowRolePolicies ?? { 'sandbox-allow-all': SANDBOX_ALLOW_ALL };
  // The OIDC provider is already registered (createIamState); the boundary comes with the first repository.
  const bootstrap = Object.fromEntries((options.repositories ?? DEFAULT_REPOSITORIES).map((repository, i) => [repository, applyBootstrap(iam, {
    accountId: ACCOUNT_ID, region: 'us-east-1',
    parameters: { Repository: repository, CreateOidcProvider: 'false', CreatePermissionsBoundary: i === 0 ? 'true' : 'false', ...options.bootstrapParameters },
  })]));
  const authorizer = new SandboxAuthorizer(iam);
  const credentials = new CredentialStore();
  const oidc = new OidcIssuer();
  const amp = new AmpModel(() => latencies);
  const prometheus = new PrometheusPool();
  // A deleted workspace's samples go with it, as AMP's do.
  amp.onDeleted = (id) => { void prometheus.stop(id); };
  const faults = new FaultInjector(options.seed);
  if (options.faults) faults.set(options.faults);
  const log: RequestLogEntry[] = [];
  let seq = 0;
  const record = (entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry => {
    const full = { seq: ++seq, at: new Date().toISOString(), ...entry };
    log.push(full);
    return full;
  };
  const grafana: GrafanaModel = new GrafanaModel({
    latencies: () => latencies, iam, ssoEnabled: () => ssoEnabled, ssoDirectory: new Set(options.ssoDirectory ?? DEFAULT_SSO_DIRECTORY), amp,
    // Each workspace's Grafana API gets a listener of its own, as each AMG workspace has its own host.
    openApi: (workspaceId) => openGrafanaListener({ grafana, faults, record }, workspaceId),
  });
  const sts = new StsModel(iam, oidc, credentials);
  const ecs = new EcsModel();
  const logs = new LogsModel();
  let url = '';
  const runtime = new TaskRuntime({ ecs, logs, credentials, iam, endpoint: () => url });
  const cloudformation = new CloudFormationModel({ iam, ecs, logs, latencies: () => latencies, accountId: ACCOUNT_ID, authorizer });
  const github = new GithubModel();

  const sa = grafana.serviceAccounts;
  const services: Record<string, ServiceBinding> = {
    aps: {
      protocol: 'rest-json', routes: routesOf(AMP_SPEC),
      call: dispatchTable('rest-json', {
        CreateWorkspace: (i, c) => amp.createWorkspace(i, c), DescribeWorkspace: (i, c) => amp.describeWorkspace(i, c),
        ListWorkspaces: (i, c) => amp.listWorkspaces(i, c), DeleteWorkspace: (i, c) => amp.deleteWorkspace(i, c),
        TagResource: (i, c) => amp.tagResource(i, c), UntagResource: (i, c) => amp.untagResource(i, c),
        ListTagsForResource: (i, c) => amp.listTagsForResource(i, c),
      }),
    },
    grafana: {
      protocol: 'rest-json', routes: routesOf(GRAFANA_SPEC),
      call: dispatchTable('rest-json', {
        CreateWorkspace: (i, c) => grafana.createWorkspace(i, c), DescribeWorkspace: (i, c) => grafana.describeWorkspace(i, c),
        ListWorkspaces: (i, c) => grafana.listWorkspaces(i, c), DeleteWorkspace: (i, c) => grafana.deleteWorkspace(i, c),
        UpdateWorkspace: (i, c) => grafana.updateWorkspace(i, c),
        UpdatePermissions: (i, c) => grafana.updatePermissions(i, c), ListPermissions: (i, c) => grafana.listPermissions(i, c),
        TagResource: (i, c) => grafana.tagResource(i, c), UntagResource: (i, c) => grafana.untagResource(i, c),
        ListTagsForResource: (i, c) => grafana.listTagsForResource(i, c),
        CreateWorkspaceServiceAccount: (i, c) => sa.create(i, c), ListWorkspaceServiceAccounts: (i, c) => sa.list(i, c),
        DeleteWorkspaceServiceAccount: (i, c) => sa.delete(i, c), CreateWorkspaceServiceAccountToken: (i, c) => sa.createToken(i, c),
        ListWorkspaceServiceAccountTokens: (i, c) => sa.listTokens(i, c), DeleteWorkspaceServiceAccountToken: (i, c) => sa.deleteToken(i, c),
      }),
    },
    sts: {
      protocol: 'query',
      call: dispatchTable('query', {
        AssumeRoleWithWebIdentity: (i) => sts.assumeRoleWithWebIdentity(i),
        GetCallerIdentity: (i, c) => sts.getCallerIdentity(i, c),
      }),
    },
    cloudformation: { protocol: 'query', call: (operation, input, ctx) => cloudformation.call(operation, input, ctx), operations: CLOUDFORMATION_OPERATIONS },
    ecs: {
      protocol: 'json', targetPrefix: 'AmazonEC2ContainerServiceV20141113',
      call: dispatchTable('json', {
        DescribeServices: (i, c) => ecs.describeServices(i, c), ListTasks: (i, c) => ecs.listTasks(i, c), DescribeTasks: (i, c) => ecs.describeTasks(i, c),
      }),
    },
    ec2: {
      protocol: 'ec2',
      call: dispatchTable('ec2', { DescribeNetworkInterfaces: (i, c) => ecs.network.describeNetworkInterfaces(i, c) }),
    },
    logs: {
      protocol: 'json', targetPrefix: 'Logs_20140328',
      call: dispatchTable('json', {
        GetLogEvents: (i, c) => logs.getLogEvents(i, c), FilterLogEvents: (i, c) => logs.filterLogEvents(i, c),
        DescribeLogStreams: (i, c) => logs.describeLogStreams(i, c),
      }),
    },
  };

  const runnerAddress = options.runnerAddress ?? DEFAULT_RUNNER_ADDRESS;
  const state = () => ({ ...snapshotOf({ amp, grafana, iam, cloudformation, github }), network: ecs.network.snapshot() });
  const view = modelView({ amp, grafana, cloudformation });
  const awsApi = createAwsEndpoint({ services, credentials, faults, record, authorizer, requestsFor: (svc, op, input, ctx) => requestsFor(svc, op, input, ctx, view) });
  const ampDataPlane = createAmpDataPlane({ amp, view, credentials, authorizer, faults, prometheus, record });
  // The tasks' own remote writes are logged apart from clients' requests (runtime.requests).
  const taskDataPlane = createAmpDataPlane({ amp, view, credentials, authorizer, faults, prometheus, record: (e) => runtime.record(e) });
  const clearLog = () => { log.length = 0; authorizer.clearLog(); };
  const adminApi = createAdminApi({
    log: () => log, clearLog, faults: () => faults.get(), setFaults: (f) => faults.set(f),
    latencies: () => latencies, setLatencies: (l) => (latencies = mergeLatencies(latencies, l)), state,
    failures: {
      tasks: (reason, container) => ecs.failTasks(reason, container),
      clearTasks: () => ecs.clearTaskFailure(),
      resource: (match, reason, opts) => cloudformation.injectResourceFailure(match, reason, opts),
      ampCreate: (count) => amp.failNextCreate(count),
    },
    grantOidc: (job) => oidc.grant(job),
  });

  function oidcToken(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const jwt = req.method === 'GET' && bearer ? oidc.mint(bearer, url.searchParams.get('audience') ?? undefined) : undefined;
    const status = jwt ? 200 : req.method === 'GET' ? 401 : 405;
    record({ service: 'oidc', operation: `${req.method} /_oidc/token`, mutating: false, status, errorCode: jwt ? undefined : 'Unauthorized' });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwt ? { value: jwt } : { message: status === 401 ? 'Unauthorized: unknown request token' : 'Method Not Allowed' }));
  }

  function githubApi(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const path = url.pathname.slice('/github'.length) || '/';
    // Link headers point back at whatever base URL the client used.
    const base = `http://${req.headers.host}/github`;
    const method = req.method ?? 'GET';
    if (github.fault === 'hang') {
      // Accepted and never answered, as a GitHub (or proxy) in trouble may do; close() ends the socket.
      record({ service: 'github', operation: `${method} ${path}`, mutating: method !== 'GET' && method !== 'HEAD', status: 0, errorCode: 'hang' });
      return;
    }
    const reply = github.handle(method, path, url.searchParams, req.headers.authorization, body.toString('utf8'), base);
    const message = reply.status >= 400 ? (reply.body as { message?: string }).message : undefined;
    record({ service: 'github', operation: `${method} ${path}`, mutating: method !== 'GET' && method !== 'HEAD', status: reply.status, errorCode: message });
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith('/_sandbox/')) return adminApi(req, res, url, body);
    if (url.pathname === '/_oidc/token') return oidcToken(req, res, url);
    if (url.pathname === '/github' || url.pathname.startsWith('/github/')) return githubApi(req, res, url, body);
    if (AMP_DATA_PLANE_PATH.test(url.pathname)) return (req.headers[TASK_ORIGIN_HEADER] ? taskDataPlane : ampDataPlane)(req, res, url, body);
    return awsApi(req, res, url, body);
  }

  const server: Server = createServer((req, res) => {
    readBody(req, MAX_BODY_BYTES).then((body) => {
      if (body === undefined) {
        res.writeHead(413, { 'content-type': 'text/plain' });
        res.end(`request body over ${MAX_BODY_BYTES} bytes`);
        return;
      }
      return handle(req, res, body);
    }).catch((err) => {
      // A sandbox bug, not an AWS answer: loud, with the stack.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sandbox error: ${(err as Error).stack}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const appProxy = await startAppProxy({ ecs, runtime, runnerAddress: () => runnerAddress, dropMs: options.droppedConnectionMs ?? 1500, record });
  return {
    url, githubApiUrl: `${url}/github`, oidcRequestUrl: `${url}/_oidc/token?api-version=2.0`, appProxyUrl: appProxy.url, runnerAddress,
    amp, grafana, ecs, logs, runtime, cloudformation, github, prometheus, oidc, credentials, iam, bootstrap, log, authorizations: authorizer.log, authorizer,
    clearLog,
    faults: () => faults.get(),
    setFaults: (f) => faults.set(f),
    setLatencies: (l) => (latencies = mergeLatencies(latencies, l)),
    setSsoEnabled: (enabled) => { ssoEnabled = enabled; },
    state,
    close: async () => {
      await appProxy.close();
      await runtime.close();
      await grafana.closeApis();
      await prometheus.close();
      await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
    },
  };
}

function mergeLatencies(base: Latencies, patch: Partial<Latencies> | undefined): Latencies {
  return { ...base, ...patch, cfnResource: { ...base.cfnResource, ...patch?.cfnResource } };
}

/** restJson routes from a service's spec table. */
function routesOf(spec: ServiceSpec): RestRoute[] {
  return Object.entries(spec).flatMap(([operation, s]) => (s.http ? [{ ...s.http, operation, query: s.query }] : []));
}

export function snapshotOf({ amp, grafana, iam, cloudformation, github }: Pick<Sandbox, 'amp' | 'grafana' | 'iam' | 'cloudformation' | 'github'>) {
  return {
    ampWorkspaces: [...amp.workspaces.values()].filter((w) => amp.live(w))
      .map(({ id, arn, alias, region, status, tags }) => ({ id, arn, alias, region, status, tags })),
    grafanaWorkspaces: [...grafana.workspaces.values()].filter((w) => grafana.live(w))
      .map((w) => ({
        id: w.id, name: w.name, region: w.region, status: w.status, permissionType: w.permissionType, roleArn: w.roleArn,
        grafanaVersion: w.grafanaVersion, endpoint: w.endpoint, tags: w.tags,
        admins: [...w.permissions].filter(([, p]) => p.role === 'ADMIN').map(([id]) => id),
        serviceAccounts: [...w.serviceAccounts.values()].map((s) => ({ id: s.id, name: s.name, grafanaRole: s.grafanaRole, tokens: s.tokens.size })),
        // What the workspace's Grafana holds, as the dashboard mode left it.
        ...w.grafana.snapshot(),
      })),
    roles: [...iam.roles.values()].map(({ roleName, arn, assumeRolePolicyDocument, policies, tags }) => ({ roleName, arn, assumeRolePolicyDocument, policies, tags })),
    stacks: cloudformation.snapshot(),
    comments: github.comments.map(({ id, repository, issue, body }) => ({ id, repository, issue, body })),
  };
}

export type SandboxSnapshot = ReturnType<typeof snapshotOf> & { network: ReturnType<EcsModel['network']['snapshot']> };
