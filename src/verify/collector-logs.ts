/**
 * Why a pipeline did not arrive, in the collector's own words: its log lines in CloudWatch Logs,
 * classified. The classifier is pure; readCollectorLog is the thin reader.
 *
 * Where the lines are (templates/preview-stack.yaml, the collector container's LogConfiguration):
 * the awslogs driver writes to the log group `/ecs/<stack>/aws-otel-collector` with the stream prefix
 * `collector`, and names each stream `<prefix>/<container name>/<task id>` (ECS developer guide,
 * "Using the awslogs log driver"), so `collector/aws-otel-collector/<task id>`.
 *
 * What the lines say (collector-contrib, as vendored by ADOT v0.47.0):
 * - prometheusremotewrite: a non-2xx answer is `remote write returned HTTP status <code> <text>; err = …: <body>`
 *   inside exporterhelper's "Exporting failed" error line; 4xx are permanent (the data is dropped);
 * - prometheus receiver: every scrape whose `up` is 0 logs the warning "Failed to scrape Prometheus
 *   endpoint" with the target's labels (internal/transaction.go);
 * - a configuration the collector cannot load ends the process with `Error: …` naming the component
 *   (`failed to get config`, `cannot unmarshal the configuration`, `unknown type`, `invalid configuration`).
 */
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { describeAwsError, permissionFix } from '../util/errors';

export const COLLECTOR_CONTAINER = 'aws-otel-collector';
export const COLLECTOR_STREAM_PREFIX = 'collector';

export function collectorLogGroup(stackName: string): string {
  return `/ecs/${stackName}/${COLLECTOR_CONTAINER}`;
}

export type FindingKind = 'remote-write-denied' | 'remote-write-rejected' | 'remote-write-unreachable' | 'configuration' | 'scrape';

export interface Finding {
  kind: FindingKind;
  /** What it means for the metrics. */
  meaning: string;
  fix: string;
  /** The collector's line, as logged (untrusted: escape it where it lands). */
  line: string;
  /** How many lines said the same. */
  count: number;
}

interface Rule {
  kind: FindingKind;
  test: RegExp;
  meaning: string;
  fix: string;
}

const RULES: Rule[] = [
  {
    kind: 'remote-write-denied',
    test: /remote write returned HTTP status 403/i,
    meaning: 'AMP refused the collector\'s remote write (403): no series reach the workspace.',
    fix: 'The task role needs aps:RemoteWrite on the workspace (the preview stack\'s TaskRole grants it on AmpWorkspaceArn; a permissions boundary or an SCP may deny it).',
  },
  {
    kind: 'remote-write-rejected',
    test: /remote write returned HTTP status 4\d\d/i,
    meaning: 'AMP rejected the collector\'s remote write; the rejected samples are dropped.',
    fix: 'Check the status and message: 404 means the workspace or remote-write URL is wrong (re-run provision, then deploy); 400 names the bad sample or label.',
  },
  {
    kind: 'remote-write-unreachable',
    // Inside the JSON fields of a zap line the URL's quotes are escaped.
    test: /Post \\?"https:\/\/aps-workspaces[^"\\]*\\?":.*(i\/o timeout|no such host|connection refused|context deadline exceeded|TLS handshake timeout)/i,
    meaning: 'The collector cannot reach AMP\'s remote-write endpoint.',
    fix: 'The task\'s subnets must reach aps-workspaces.<region>.amazonaws.com: a public subnet with a public IP, a NAT gateway, or an interface VPC endpoint for aps-workspaces.',
  },
  {
    kind: 'configuration',
    test: /(failed to get config|cannot unmarshal the configuration|invalid configuration|unknown type: "|collector server run finished with error|application run finished with error|failed to build pipelines|error decoding '[^']*')/i,
    meaning: 'The collector refused its configuration and did not start its pipelines.',
    fix: 'Fix the component the line names in the ADOT configuration (AOT_CONFIG_CONTENT); adot-image must be a release that has every component and option the configuration uses.',
  },
  {
    kind: 'scrape',
    test: /Failed to scrape Prometheus endpoint/i,
    meaning: 'The collector scraped the app and got no metrics (up is 0).',
    fix: 'Check app-port and app-metrics-path: the app must serve Prometheus text on http://localhost:<app-port><app-metrics-path> inside the task.',
  },
];

/** Longest quote of one line: enough for the exporter's 256-byte body excerpt and its prefix. */
const QUOTE_ROOM = 600;

/** The finding a collector log line explains, if any (the first matching rule: 403 before other 4xx). */
export function classifyLine(message: string): Omit<Finding, 'count'> | undefined {
  const rule = RULES.find((r) => r.test.test(message));
  if (!rule) return undefined;
  const line = message.trim();
  return { kind: rule.kind, meaning: rule.meaning, fix: rule.fix, line: line.length > QUOTE_ROOM ? `${line.slice(0, QUOTE_ROOM)}…` : line };
}

/** One finding per kind, quoting its latest line, in the order of the rules (the most telling first). */
export function explainCollectorLog(messages: string[]): Finding[] {
  const byKind = new Map<FindingKind, Finding>();
  for (const message of messages) {
    const f = classifyLine(message);
    if (!f) continue;
    const seen = byKind.get(f.kind);
    byKind.set(f.kind, { ...f, count: (seen?.count ?? 0) + 1 });
  }
  return RULES.map((r) => byKind.get(r.kind)).filter((f): f is Finding => f !== undefined);
}

export interface CollectorLogRead {
  findings: Finding[];
  /** Lines read. */
  lines: number;
  /** Set when the log could not be read: why, and the fix. */
  unreadable?: string;
}

/** Pages of FilterLogEvents read at most: the collector logs little at its default level. */
const MAX_PAGES = 10;

/**
 * The collector's lines since `since` from every task's stream (an earlier deploy's task may still be
 * logging; its lines are as telling). Never throws: a log that cannot be read only loses the explanation.
 */
export async function readCollectorLog(logs: CloudWatchLogsClient, stackName: string, since: number): Promise<CollectorLogRead> {
  const messages: string[] = [];
  let nextToken: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await logs.send(new FilterLogEventsCommand({
        logGroupName: collectorLogGroup(stackName),
        logStreamNamePrefix: `${COLLECTOR_STREAM_PREFIX}/${COLLECTOR_CONTAINER}/`,
        startTime: since,
        nextToken,
      }));
      for (const e of out.events ?? []) if (e.message) messages.push(e.message);
      nextToken = out.nextToken;
      if (!nextToken) break;
    }
  } catch (err) {
    const fix = permissionFix(err, `logs:FilterLogEvents on the log group ${collectorLogGroup(stackName)}`) ?? '';
    return { findings: explainCollectorLog(messages), lines: messages.length, unreadable: `${describeAwsError('CloudWatch Logs FilterLogEvents', err)} ${fix}`.trim() };
  }
  return { findings: explainCollectorLog(messages), lines: messages.length };
}
