import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { classifyLine, collectorLogGroup, explainCollectorLog, readCollectorLog } from '../../src/verify/collector-logs';

// Lines shaped as the collector logs them (zap console encoder: time, level, caller, message, JSON fields).
const DENIED = '2026-12-01T14:00:05.123Z\terror\tinternal/queue_sender.go:128\tExporting failed. Dropping data.\t{"kind": "exporter", "data_type": "metrics", "name": "prometheusremotewrite", "error": "Permanent error: Permanent error: remote write returned HTTP status 403 Forbidden; err = %!w(<nil>): {\\"Message\\":\\"User: arn:aws:sts::123456789012:assumed-role/preview-TaskRole/abc is not authorized to perform: aps:RemoteWrite on resource: arn:aws:aps:eu-west-1:123456789012:workspace/ws-1\\"}", "dropped_items": 42}';
const NOT_FOUND = '2026-12-01T14:00:05.123Z\terror\tinternal/queue_sender.go:128\tExporting failed. Dropping data.\t{"kind": "exporter", "error": "Permanent error: remote write returned HTTP status 404 Not Found; err = %!w(<nil>): workspace not found"}';
const SCRAPE = '2026-12-01T14:00:20.000Z\twarn\tinternal/transaction.go:150\tFailed to scrape Prometheus endpoint\t{"kind": "receiver", "name": "prometheus", "data_type": "metrics", "scrape_timestamp": 1796133620000, "target_labels": "{__name__=\\"up\\", environment=\\"pr-7\\", instance=\\"localhost:8080\\", job=\\"app\\"}"}';
const CONFIG = 'Error: failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s):\n\n\'exporters\' unknown type: "logging" for id: "logging" (valid values: [prometheusremotewrite debug])';
const UNREACHABLE = '2026-12-01T14:00:05.123Z\terror\tinternal/queue_sender.go:128\tExporting failed.\t{"error": "Post \\"https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write\\": dial tcp 52.0.0.1:443: i/o timeout"}';

describe('classifyLine', () => {
  test('a 403 from AMP names aps:RemoteWrite on the workspace', () => {
    const f = classifyLine(DENIED)!;
    expect(f.kind).toBe('remote-write-denied');
    expect(f.fix).toMatch(/task role needs aps:RemoteWrite on the workspace/);
    expect(f.line).toContain('HTTP status 403 Forbidden');
  });
  test('another 4xx is a rejection, not a denial', () => {
    expect(classifyLine(NOT_FOUND)!.kind).toBe('remote-write-rejected');
  });
  test('a failed scrape names app-port and app-metrics-path', () => {
    const f = classifyLine(SCRAPE)!;
    expect(f.kind).toBe('scrape');
    expect(f.fix).toMatch(/app-port and app-metrics-path/);
  });
  test('a configuration error', () => {
    expect(classifyLine(CONFIG)!.kind).toBe('configuration');
  });
  test('an unreachable endpoint names the network path', () => {
    expect(classifyLine(UNREACHABLE)!.fix).toMatch(/VPC endpoint/);
  });
  test('ordinary lines explain nothing', () => {
    expect(classifyLine('2026-12-01T14:00:00.000Z\tinfo\tservice@v0.143.0/service.go:200\tEverything is ready. Begin running and processing data.')).toBeUndefined();
  });
  test('a long line is cut', () => {
    expect(classifyLine(`Failed to scrape Prometheus endpoint ${'x'.repeat(2000)}`)!.line.length).toBeLessThanOrEqual(601);
  });
});

test('explainCollectorLog: one finding per kind, counted, the latest line quoted, denial first', () => {
  const findings = explainCollectorLog([SCRAPE, 'noise', DENIED, SCRAPE.replace('14:00:20', '14:00:35')]);
  expect(findings.map((f) => [f.kind, f.count])).toEqual([['remote-write-denied', 1], ['scrape', 2]]);
  expect(findings[1].line).toContain('14:00:35');
});

describe('readCollectorLog', () => {
  const fakeLogs = (send: (input: Record<string, unknown>) => unknown) => ({ send: async (cmd: { input: Record<string, unknown> }) => send(cmd.input) }) as unknown as CloudWatchLogsClient;

  test('reads every task\'s collector stream of the stack\'s log group since the deploy, page by page', async () => {
    const inputs: Record<string, unknown>[] = [];
    const pages = [{ events: [{ message: SCRAPE }], nextToken: 'p2' }, { events: [{ message: DENIED }] }];
    const read = await readCollectorLog(fakeLogs((input) => { inputs.push(input); return pages.shift(); }), 'preview-x-pr-7', 1_000);
    expect(inputs[0]).toEqual({ logGroupName: '/ecs/preview-x-pr-7/aws-otel-collector', logStreamNamePrefix: 'collector/aws-otel-collector/', startTime: 1_000, nextToken: undefined });
    expect(inputs[1].nextToken).toBe('p2');
    expect(read.lines).toBe(2);
    expect(read.findings.map((f) => f.kind)).toEqual(['remote-write-denied', 'scrape']);
  });

  test('a denied read is reported with the permission to grant, never thrown', async () => {
    const read = await readCollectorLog(fakeLogs(() => { throw Object.assign(new Error('not authorized to perform: logs:FilterLogEvents'), { name: 'AccessDeniedException' }); }), 'preview-x-pr-7', 0);
    expect(read.findings).toEqual([]);
    expect(read.unreadable).toMatch(/AccessDeniedException[\s\S]*logs:FilterLogEvents on the log group \/ecs\/preview-x-pr-7\/aws-otel-collector/);
  });
});

test('collectorLogGroup follows the template', () => {
  expect(collectorLogGroup('preview-a-b')).toBe('/ecs/preview-a-b/aws-otel-collector');
});
