import { InputError, InputProblem } from '../util/errors';
import { RESERVED_TAG_PREFIX } from '../tags';
import { ADOT_IMAGE, COLLECTOR_PORTS } from '../render/adot-config';
import { defaultStackName } from '../aws/stack-names';
import { AWS_REGIONS, STS_AUDIENCE } from './regions';
import { parseExpose } from './expose';
import { isOfferedGrafanaVersion, OFFERED_GRAFANA_VERSIONS } from '../grafana/versions';
import { DeployInputs, GrafanaAdmin, GrafanaAuth, Inputs, METRICS_CHECKS, MetricsCheck, MODES, Mode, RawInputs, RunContext, TeardownInputs } from './types';

// Patterns are the AWS API models' own, so a value that passes here is one AWS accepts.
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const AMP_WORKSPACE_ID = /^ws-[0-9a-zA-Z][-.0-9A-Z_a-z]{0,60}$/;
const GRAFANA_WORKSPACE_ID = /^g-[0-9a-f]{10}$/;
const GRAFANA_WORKSPACE_NAME = /^[a-zA-Z0-9-._~]{1,255}$/;
const SSO_ID = /^([0-9a-fA-F]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;
// AMP and AMG share this tag alphabet; the stricter of the two wins.
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/**
 * The environment becomes part of stack names (letters, digits, hyphens, ≤128), ECS service names,
 * Grafana folder uids (≤40) and AMP aliases, so it is a lower-case DNS label short enough for all.
 */
export const ENVIRONMENT = /^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/;
export const MAX_ENVIRONMENT_LENGTH = 32;

/** Turns raw runner inputs into validated Inputs, or throws one InputError naming every bad input. */
export function parseInputs(raw: RawInputs, ctx: RunContext): Inputs {
  const problems: InputProblem[] = [];
  // An input refused as a whole (a line break where one line belongs) gets that one problem only.
  const refused = new Set<string>();
  const bad = (input: string, problem: string, fix: string): undefined => {
    if (!refused.has(input)) problems.push({ input, problem, fix });
    return undefined;
  };
  for (const [name, value] of Object.entries(raw)) {
    if (MULTI_LINE_INPUTS.has(name) || !CONTROL.test(value.trim())) continue;
    bad(name, /[\r\n]/.test(value.trim()) ? 'contains a line break.' : 'contains a control character.',
      'Give it on one line (in YAML, `>-` folds a long value; `|` keeps line breaks).');
    refused.add(name);
  }
  const get = (name: string): string => (raw[name] ?? '').trim();

  const mode = parseEnum<Mode>(get('mode'), MODES) ??
    bad('mode', get('mode') ? `'${get('mode')}' is not a mode.` : 'is required.', `Use one of: ${MODES.join(', ')}.`);

  const regionText = get('aws-region') || ctx.envRegion || '';
  const region = AWS_REGIONS.includes(regionText)
    ? regionText
    : bad('aws-region', regionText ? `'${regionText}' is not an AWS region.` : 'is required.',
      'Set it to a region such as eu-west-1 (or set AWS_REGION, as aws-actions/configure-aws-credentials does). A region newer than this release needs a newer release.');

  const roleToAssume = optional(get('role-to-assume'), (v) => ROLE_ARN.test(v) ? v :
    bad('role-to-assume', `'${v}' is not an IAM role ARN.`, 'Use the full ARN, like arn:aws:iam::123456789012:role/github-preview.'));

  const roleSessionName = get('role-session-name') || 'ecs-amp-action';
  if (!SESSION_NAME.test(roleSessionName)) {
    bad('role-session-name', `'${roleSessionName}' is not a valid session name.`, 'Use 2–64 characters from letters, digits and +=,.@_-.');
  }

  const roleDurationSeconds = parseInteger(get('role-duration-seconds') || '3600', 900, 43200) ??
    bad('role-duration-seconds', `'${get('role-duration-seconds')}' is not a whole number of seconds from 900 to 43200.`, 'Use, e.g., 3600.');

  const audience = get('audience') || 'sts.amazonaws.com';
  if (!STS_AUDIENCE.test(audience)) {
    bad('audience', `'${audience}' is not an AWS STS audience.`, 'Use sts.amazonaws.com (the client id of the IAM OIDC provider for GitHub), or leave it empty.');
  }

  const environment = parseEnvironment(get('environment'), ctx, bad);

  const ampWorkspaceId = optional(get('amp-workspace-id'), (v) => AMP_WORKSPACE_ID.test(v) ? v :
    bad('amp-workspace-id', `'${v}' is not an AMP workspace id.`, 'Use the id shown by `aws amp list-workspaces`, like ws-12345678-abcd-….'));

  const aliasText = get('amp-workspace-alias');
  const ampWorkspaceAlias = aliasText
    ? [...aliasText].length <= 100 ? aliasText : bad('amp-workspace-alias', `is ${[...aliasText].length} characters long.`, 'Use at most 100 characters.')
    : defaultAlias(ctx.repository, environment ?? 'invalid');

  const grafana = parseBoolean(get('grafana') || 'true') ??
    bad('grafana', `'${get('grafana')}' is not true or false.`, 'Use true or false.');

  const grafanaWorkspaceId = optional(get('grafana-workspace-id'), (v) => GRAFANA_WORKSPACE_ID.test(v) ? v :
    bad('grafana-workspace-id', `'${v}' is not an Amazon Managed Grafana workspace id.`, 'Use an id like g-0123456789.'));

  const nameText = get('grafana-workspace-name') || defaultGrafanaName(ctx.repository);
  const grafanaWorkspaceName = GRAFANA_WORKSPACE_NAME.test(nameText) ? nameText :
    bad('grafana-workspace-name', `'${nameText}' is not a valid workspace name.`, 'Use 1–255 characters from letters, digits and -._~.');

  const grafanaRoleArn = optional(get('grafana-role-arn'), (v) => ROLE_ARN.test(v) ? v :
    bad('grafana-role-arn', `'${v}' is not an IAM role ARN.`, 'Use the full ARN of a role trusted by grafana.amazonaws.com, or leave it empty to have one created.'));

  // The name only: the templates build the ARN in their own account and partition.
  const boundaryText = get('permissions-boundary');
  const permissionsBoundary = boundaryText === '' || /^[\w+=,.@-]{1,128}$/.test(boundaryText) ? boundaryText :
    bad('permissions-boundary', `'${boundaryText}' is not a managed policy name.`, 'Give the policy\'s name (its path must be /ecs-amp-action/), as the bootstrap template creates it, or an empty value for none.') ?? '';

  const grafanaAuth = parseEnum<GrafanaAuth>(get('grafana-auth') || 'AWS_SSO', ['AWS_SSO', 'SAML']) ??
    bad('grafana-auth', `'${get('grafana-auth')}' is not an authentication provider.`, 'Use AWS_SSO (IAM Identity Center) or SAML.');

  // Checked against what AMG offers before any AWS call: a typo would otherwise cost a failed CreateWorkspace.
  const grafanaVersion = optional(get('grafana-version'), (v) => isOfferedGrafanaVersion(v) ? v :
    bad('grafana-version', `'${v}' is not a Grafana version Amazon Managed Grafana offers for new workspaces.`,
      `Use one of ${OFFERED_GRAFANA_VERSIONS.join(', ')} (aws grafana list-versions lists them for your region), or leave it empty for AMG's default, the latest.`));

  const grafanaAdmins = parseAdmins(get('grafana-admins'), bad);
  if (grafanaAdmins.length > 0 && grafanaAuth === 'SAML') {
    bad('grafana-admins', 'lists IAM Identity Center users, but grafana-auth is SAML.', 'Grant SAML users roles through your identity provider\'s assertion attributes, or use grafana-auth: AWS_SSO.');
  }

  const extraTags = parseTags(get('tags'), bad);

  const comment = parseBoolean(get('comment') || 'true') ??
    bad('comment', `'${get('comment')}' is not true or false.`, 'Use true or false.');

  const waitTimeoutMinutes = parseNumber(get('wait-timeout-minutes') || '30', 1, 360) ??
    bad('wait-timeout-minutes', `'${get('wait-timeout-minutes')}' is not a number of minutes from 1 to 360.`, 'Use, e.g., 30 (Grafana workspaces can take over 10 minutes to create).');

  const deploy = parseDeploy(get, ctx.repository, environment ?? 'invalid', bad);

  const dashboardsPath = get('dashboards-path') || undefined;
  if (dashboardsPath && (dashboardsPath.startsWith('/') || dashboardsPath.split(/[\\/]/).includes('..'))) {
    bad('dashboards-path', `'${dashboardsPath}' is outside the workspace.`, 'Give a path relative to the repository checkout, e.g. dashboards/.');
  }

  const teardown = parseTeardown(get, deploy.dryRun, bad);

  if (problems.length > 0) throw new InputError(problems);

  return {
    mode: mode!,
    region: region!,
    roleToAssume,
    roleSessionName,
    roleDurationSeconds: roleDurationSeconds!,
    audience,
    environment: environment!,
    ampWorkspaceId,
    ampWorkspaceAlias: ampWorkspaceAlias!,
    grafana: grafana!,
    grafanaWorkspaceId,
    grafanaWorkspaceName: grafanaWorkspaceName!,
    grafanaRoleArn,
    permissionsBoundary,
    grafanaAuth: grafanaAuth!,
    grafanaAdmins,
    grafanaVersion,
    extraTags,
    githubToken: get('github-token') || undefined,
    comment: comment!,
    waitTimeoutMinutes: waitTimeoutMinutes!,
    deploy,
    dashboardsPath,
    teardown,
  };
}

function parseTeardown(get: (name: string) => string, dryRun: boolean, bad: Bad): TeardownInputs {
  const deleteGrafanaWorkspace = parseBoolean(get('delete-grafana-workspace') || 'false') ??
    bad('delete-grafana-workspace', `'${get('delete-grafana-workspace')}' is not true or false.`, 'Use true or false.');
  const ttlText = get('ttl') || '72h';
  const ttlMs = parseDuration(ttlText) ??
    bad('ttl', `'${ttlText}' is not a duration.`, 'Use a number with a unit: m (minutes), h (hours) or d (days), e.g. 72h; at least 10m.');
  const maxConcurrency = parseInteger(get('max-concurrency') || '4', 1, 10) ??
    bad('max-concurrency', `'${get('max-concurrency')}' is not a whole number from 1 to 10.`, 'Use, e.g., 4 (higher values mostly meet AWS throttling).');
  return { deleteGrafanaWorkspace: deleteGrafanaWorkspace ?? false, ttlMs: ttlMs ?? 0, maxConcurrency: maxConcurrency ?? 1, dryRun };
}

const DURATION_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** 90m, 72h, 3d; under ten minutes would sweep environments whose deploy is still running. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)\s*([mhd])$/.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  const ms = Number(m[1]) * DURATION_UNITS[m[2]];
  return ms >= 10 * 60_000 && ms <= 365 * 86_400_000 ? ms : undefined;
}

const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
/** Fargate's task sizes: cpu units → the memory values (MiB) allowed with it. */
export const FARGATE_MEMORY: Record<string, number[]> = {
  '256': [512, 1024, 2048],
  '512': [1024, 2048, 3072, 4096],
  '1024': range(2048, 8192, 1024),
  '2048': range(4096, 16384, 1024),
  '4096': range(8192, 30720, 1024),
};

function range(from: number, to: number, step: number): number[] {
  return Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
}

/** One stack per environment, named after owner, repository and environment (see aws/stack-names.ts). */
export { defaultStackName };

function parseDeploy(get: (name: string) => string, repository: string, environment: string, bad: Bad): DeployInputs {
  const stackName = get('stack-name') || defaultStackName(repository, environment);
  if (!STACK_NAME.test(stackName)) bad('stack-name', `'${stackName}' is not a valid CloudFormation stack name.`, 'Start with a letter; use letters, digits and hyphens, at most 128 characters.');

  const appImage = get('app-image') || 'public.ecr.aws/aws-otel-test/prometheus-sample-app:latest';
  if (!isImageReference(appImage)) {
    bad('app-image', `'${appImage}' is not an image reference.`, 'Use registry/repository:tag or registry/repository@sha256:<64 hex digits>, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:4f1c2e9.');
  }
  const appPort = parseInteger(get('app-port') || '8080', 1, 65535) ??
    bad('app-port', `'${get('app-port')}' is not a port number.`, 'Use a whole number from 1 to 65535, e.g. 8080.');
  // The app and the collector share the task's network namespace (awsvpc): an app listening on a port the
  // collector binds makes one of them fail to start, and the essential container's exit crash-loops the task.
  const collectorPort = appPort === undefined ? undefined : COLLECTOR_PORTS.find((p) => p.port === appPort);
  if (collectorPort) {
    bad('app-port', `${appPort} is the ADOT collector's ${collectorPort.use} port in the same task; the app and the collector would both bind it and the task would crash-loop.`,
      `Serve the app on another port, e.g. 8080 (the collector binds ${COLLECTOR_PORTS.map((p) => p.port).join(' and ')}).`);
  }
  const appMetricsPath = get('app-metrics-path') || '/metrics';
  if (!/^\/[\w\-./~%]*$/.test(appMetricsPath)) bad('app-metrics-path', `'${appMetricsPath}' is not a URL path.`, "Start it with '/', e.g. /metrics; '$' and spaces are not allowed.");

  const cpuText = get('cpu') || '256';
  const memoryText = get('memory') || '1024';
  const cpu = Object.hasOwn(FARGATE_MEMORY, cpuText) ? cpuText
    : bad('cpu', `'${cpuText}' is not a Fargate CPU size.`, `Use one of ${Object.keys(FARGATE_MEMORY).join(', ')} (CPU units; 1024 = 1 vCPU).`);
  const memoryNumber = WHOLE_NUMBER.test(memoryText) ? Number(memoryText) : undefined;
  const memory = memoryNumber === undefined
    ? bad('memory', `'${memoryText}' is not a number of MiB.`, 'Use a whole number of MiB, e.g. 1024.')
    : cpu && !FARGATE_MEMORY[cpu].includes(memoryNumber)
      ? bad('memory', `${memoryText} MiB is not a valid Fargate size with cpu ${cpu}.`, `With cpu ${cpu} use one of: ${FARGATE_MEMORY[cpu].join(', ')}.`)
      : memoryText;

  const desiredCount = parseInteger(get('desired-count') || '1', 0, 10) ??
    bad('desired-count', `'${get('desired-count')}' is not a task count from 0 to 10.`, 'Use a whole number, e.g. 1.');

  const vpcId = get('vpc-id') || undefined;
  if (vpcId && !VPC_ID.test(vpcId)) bad('vpc-id', `'${vpcId}' is not a VPC id.`, 'Use an id like vpc-0123456789abcdef0, or leave it empty to have a small public VPC created.');
  const subnetIds = splitList(get('subnet-ids'));
  for (const id of subnetIds) if (!SUBNET_ID.test(id)) bad('subnet-ids', `'${id}' is not a subnet id.`, 'Use ids like subnet-0123456789abcdef0, comma- or newline-separated.');
  if (vpcId && subnetIds.length === 0) bad('subnet-ids', 'is empty although vpc-id is set.', 'List the subnets of that VPC the tasks should run in.');
  if (!vpcId && subnetIds.length > 0) bad('vpc-id', 'is empty although subnet-ids is set.', 'Set vpc-id to the VPC of those subnets.');

  const adotImage = get('adot-image') || ADOT_IMAGE;
  if (!/:v\d+\.\d+\.\d+$/.test(adotImage)) bad('adot-image', `'${adotImage}' is not pinned to a released tag.`, `Pin a release such as ${ADOT_IMAGE}; never latest (the metric names the dashboards use depend on the version).`);

  const cloudformationRoleArn = optional(get('cloudformation-role-arn'), (v) => ROLE_ARN.test(v) ? v :
    bad('cloudformation-role-arn', `'${v}' is not an IAM role ARN.`, 'Use the full ARN of a CloudFormation service role.'));
  const dryRun = parseBoolean(get('dry-run') || 'false') ?? bad('dry-run', `'${get('dry-run')}' is not true or false.`, 'Use true or false.');
  const { metricsCheck, metricsTimeoutSeconds } = parseMetricsCheck(get, bad);

  const expose = parseExpose(get, bad, { vpcId, subnetIds });

  return {
    stackName, appImage, appPort: appPort ?? 0, appMetricsPath, cpu: cpu ?? '', memory: memory ?? '', desiredCount: desiredCount ?? 0,
    vpcId, subnetIds, adotImage, cloudformationRoleArn, dryRun: dryRun ?? false, metricsCheck, metricsTimeoutSeconds, expose,
  };
}

/**
 * The default wait: the first sample is queryable one scrape interval (15 s) plus the batch timeout
 * (10 s) plus remote-write latency after the collector runs, so a healthy deploy answers in under
 * half a minute; three minutes also cover the exporter's retries of a throttled or failed write and
 * an app that is slow to listen, while bounding what a deploy with broken metrics costs.
 * `warn` by default: a stable service is a usable preview, and an app without Prometheus metrics at
 * the default path must not block its PR; the warning, the `metrics` output and the comment say what
 * is missing and why. `fail` is for teams whose previews are judged by their dashboards.
 */
export const DEFAULT_METRICS_TIMEOUT_SECONDS = 180;

function parseMetricsCheck(get: (name: string) => string, bad: Bad): { metricsCheck: MetricsCheck; metricsTimeoutSeconds: number } {
  const metricsCheck = parseEnum<MetricsCheck>(get('metrics-check') || 'warn', METRICS_CHECKS) ??
    bad('metrics-check', `'${get('metrics-check')}' is not fail, warn or off.`, 'Use fail (missing metrics fail the step), warn (the default) or off.');
  const metricsTimeoutSeconds = parseInteger(get('metrics-timeout-seconds') || String(DEFAULT_METRICS_TIMEOUT_SECONDS), 10, 1800) ??
    bad('metrics-timeout-seconds', `'${get('metrics-timeout-seconds')}' is not a whole number of seconds from 10 to 1800.`,
      `Use, e.g., ${DEFAULT_METRICS_TIMEOUT_SECONDS} (a healthy deploy's metrics arrive within one scrape interval plus the batch timeout, about 25 s).`);
  return { metricsCheck: metricsCheck ?? 'warn', metricsTimeoutSeconds: metricsTimeoutSeconds ?? DEFAULT_METRICS_TIMEOUT_SECONDS };
}

export type Bad = (input: string, problem: string, fix: string) => undefined;

/** Inputs that are lists, one entry per line; every other input is one line. */
const MULTI_LINE_INPUTS = new Set(['tags', 'grafana-admins', 'subnet-ids', 'ingress-cidrs']);
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f]/;

/*
 * An image reference as Docker's reference grammar defines it (distribution/reference, reference.go:
 * [domain[:port]/]path-component[/path-component]*[:tag][@digest], lower-case path components
 * joined by '.', '_', '__' or '-'s, tags of at most 128 word characters, '.' and '-'), within ECS's
 * limit for ContainerDefinition.image (ECS API reference: 255 characters before any '@'; the only
 * digest ECS accepts is sha256 with 64 hex digits).
 */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REMOTE = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-fA-F]{64})?`;

export function isImageReference(value: string): boolean {
  if (value.split('@')[0].length > 255) return false;
  // The first component is a registry only when it has a '.' or a ':' or is localhost (Docker's
  // splitDockerDomain, normalize.go); otherwise the whole reference is a Docker Hub path.
  const slash = value.indexOf('/');
  const first = slash < 0 ? '' : value.slice(0, slash);
  if (first && (/[.:]/.test(first) || first === 'localhost')) {
    return new RegExp(`^${DOMAIN}$`).test(first) && new RegExp(`^${REMOTE}$`).test(value.slice(slash + 1));
  }
  return new RegExp(`^${REMOTE}$`).test(value);
}

function optional<T>(value: string, parse: (v: string) => T | undefined): T | undefined {
  return value ? parse(value) : undefined;
}

export function parseEnum<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function parseBoolean(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Digits without a leading zero: `01024` would reach AWS as the string it is, not as 1024. */
const WHOLE_NUMBER = /^(0|[1-9]\d*)$/;

function parseInteger(value: string, min: number, max: number): number | undefined {
  if (!WHOLE_NUMBER.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function parseNumber(value: string, min: number, max: number): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** pr-<digits> names a pull request's environment; only a run for that PR may use it. */
const PR_ENVIRONMENT = /^pr-(\d+)$/;

export function parseEnvironment(value: string, ctx: RunContext, bad: Bad): string | undefined {
  if (value) {
    if (!ENVIRONMENT.test(value)) {
      return bad('environment', `'${value}' is not a valid environment name.`,
        `Use a lower-case DNS label: start with a letter, then letters, digits or hyphens, at most ${MAX_ENVIRONMENT_LENGTH} characters, not ending in a hyphen (e.g. pr-42).`);
    }
    const pr = PR_ENVIRONMENT.exec(value);
    if (pr && pr[1] !== String(ctx.prNumber)) {
      // Otherwise a push (or another PR) could deploy into, or destroy, that PR's preview.
      return bad('environment', `'${value}' is reserved for pull request #${pr[1]}, and this run is ${ctx.prNumber === undefined ? 'not for a pull request' : `for pull request #${ctx.prNumber}`}.`,
        'Leave environment empty to derive it from the run (pr-<number> for a pull request), or choose a name that is not pr-<number>; closed PRs\' environments are removed by destroy on close or by mode: cleanup.');
    }
    return value;
  }
  if (ctx.prLookupError) {
    return bad('environment', `could not be derived: this ${ctx.eventName} run's pull request could not be determined (${ctx.prLookupError}).`,
      'Re-run the workflow (the lookup is retried), or set environment explicitly to a name that is not pr-<number>.');
  }
  const derived = defaultEnvironment(ctx);
  return derived ?? bad('environment', `could not be derived from the ref '${ctx.refName}'.`, 'Set environment explicitly, e.g. environment: staging.');
}

/**
 * pr-<number> on pull request events (and workflow_run runs of a PR), otherwise a DNS-safe slug of
 * the ref name. A branch whose slug looks like a PR's environment (a branch named pr-7) gets a
 * branch- prefix, so no branch can derive the environment of PR #7.
 */
export function defaultEnvironment(ctx: Pick<RunContext, 'prNumber' | 'refName'>): string | undefined {
  if (ctx.prNumber !== undefined) return `pr-${ctx.prNumber}`;
  let slug = ctx.refName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+/, '');
  slug = slug.slice(0, MAX_ENVIRONMENT_LENGTH).replace(/-+$/, '');
  if (PR_ENVIRONMENT.test(slug)) slug = `branch-${slug}`.slice(0, MAX_ENVIRONMENT_LENGTH).replace(/-+$/, '');
  return ENVIRONMENT.test(slug) ? slug : undefined;
}

/** AMP aliases are not unique, so the alias only helps humans; ownership is decided by tags. */
export function defaultAlias(repository: string, environment: string): string {
  const alias = `${repository}/${environment}`;
  return alias.length <= 100 ? alias : `${alias.slice(0, 100 - environment.length - 4)}…/${environment}`;
}

/** One shared workspace per repository: AMG allows only 5 workspaces per region by default. */
export function defaultGrafanaName(repository: string): string {
  const slug = repository.replace(/[^a-zA-Z0-9-._~]+/g, '-');
  return `${slug}-previews`.slice(0, 255);
}

function parseAdmins(text: string, bad: Bad): GrafanaAdmin[] {
  const admins: GrafanaAdmin[] = [];
  for (const entry of splitList(text)) {
    const m = /^(user|group):(.+)$/.exec(entry);
    if (!m || !SSO_ID.test(m[2])) {
      bad('grafana-admins', `entry '${entry}' is not 'user:<id>' or 'group:<id>' with an IAM Identity Center id.`,
        'Use the user or group id from IAM Identity Center, e.g. user:906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab, one per line.');
      continue;
    }
    admins.push({ type: m[1] === 'user' ? 'SSO_USER' : 'SSO_GROUP', id: m[2] });
  }
  return admins;
}

function parseTags(text: string, bad: Bad): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const line of splitList(text, /\n/)) {
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    const value = eq > 0 ? line.slice(eq + 1).trim() : '';
    if (!key) {
      bad('tags', `line '${line}' is not key=value.`, 'Write one key=value pair per line.');
    } else if (key.length > 128 || value.length > 256 || !TAG_TEXT.test(key) || !TAG_TEXT.test(value)) {
      bad('tags', `tag '${key}' has a key over 128 or a value over 256 characters, or characters AWS does not allow.`,
        'Use letters, digits, spaces and _.:/=+-@ only.');
    } else if (key.toLowerCase().startsWith('aws:') || key.startsWith(RESERVED_TAG_PREFIX)) {
      bad('tags', `tag key '${key}' uses a reserved prefix.`, `Keys may not start with 'aws:' or '${RESERVED_TAG_PREFIX}' (the action's ownership tags).`);
    } else {
      tags[key] = value;
    }
  }
  if (Object.keys(tags).length > 40) {
    bad('tags', `has ${Object.keys(tags).length} tags.`, 'Use at most 40: AWS allows 50 per resource and the action adds its own.');
  }
  return tags;
}

function splitList(text: string, separator: RegExp = /[\n,]/): string[] {
  return text.split(separator).map((s) => s.trim()).filter((s) => s && !s.startsWith('#'));
}
