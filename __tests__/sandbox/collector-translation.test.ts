// The collector stand-in's pure parts: the text format it scrapes, the configuration checks the collector makes
// before starting, the exporter's names and labels, and the CloudWatch Logs model the action reads.
import { renderAdotConfig } from '../../src/render/adot-config';
import { readConfig } from '../../sandbox/src/runtime/collector/config';
import { parseExposition } from '../../sandbox/src/runtime/collector/exposition';
import { metricName, toTimeSeries } from '../../sandbox/src/runtime/collector/remote-write-exporter';
import { SampleMetrics } from '../../sandbox/src/runtime/sample-app';
import { LogsModel } from '../../sandbox/src/models/logs';
import { AwsError, CallContext } from '../../sandbox/src/core/types';

const CONFIG = renderAdotConfig({ region: 'eu-west-1', remoteWriteUrl: 'https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write', appPort: 8080, metricsPath: '/metrics', environment: 'pr-1' });

describe('the text exposition format', () => {
  it('reads the sample app as the receiver would: one family per TYPE line, histogram and summary parts grouped', () => {
    let r = 0;
    const app = new SampleMetrics('test', 1, () => 1_000, () => [0.5, 0.25, 0.9, 0.04][r++ % 4]);
    app.update();
    const families = parseExposition(app.exposition());
    expect(families.map((f) => [f.name, f.type])).toEqual([
      ['test_counter0_total', 'counter'], ['test_gauge0', 'gauge'], ['test_histogram0', 'histogram'], ['test_summary0', 'summary'],
    ]);
    const histogram = families[2].samples;
    expect(histogram.filter((s) => s.name === 'test_histogram0_bucket').map((s) => s.labels.le)).toEqual(['0.005', '0.1', '1', '+Inf']);
    // Observations 0.9, 0.94, 0.98: none below 0.1, all three below 1.
    expect(histogram.find((s) => s.labels.le === '1')!.value).toBe(3);
    expect(families[0].samples[0].value).toBe(0.5);
  });

  it('refuses what breaks the grammar, as a failed scrape', () => {
    expect(() => parseExposition('ok 1\nbad{label="x" 1\n')).toThrow(/line 2/);
    expect(() => parseExposition('# TYPE x nonsense\nx 1\n')).toThrow(/unknown metric type/);
    expect(parseExposition('a{b="q\\"uote\\n"} NaN 1700000000000\n')[0].samples[0]).toEqual({ name: 'a', labels: { b: 'q"uote\n' }, value: NaN, timestampMs: 1700000000000 });
  });
});

describe('the configuration as the collector reads it', () => {
  it('accepts what the action renders', () => {
    const read = readConfig(CONFIG);
    expect('config' in read && read.config.pipelines.map((p) => p.id)).toEqual(['metrics/app', 'metrics/ecs']);
  });

  it('refuses an unknown component type and a pipeline naming an undefined component, with the collector\'s words', () => {
    const withLogging = CONFIG.replace('exporters:\n', 'exporters:\n  logging: {}\n');
    expect(readConfig(withLogging)).toEqual({ error: expect.stringContaining('\'exporters\' unknown type: "logging" for id: "logging" (valid values: [') });
    const undefinedProcessor = CONFIG.replace('- batch\n', '- batch/missing\n');
    expect(readConfig(undefinedProcessor)).toEqual({ error: 'invalid configuration: service::pipelines::metrics/app: references processor "batch/missing" which is not configured' });
  });
});

describe('the prometheusremotewrite exporter', () => {
  it('names metrics with and without unit suffixes as the translator does', () => {
    const gauge = (name: string, unit: string) => ({ name, unit, kind: 'gauge' as const });
    expect(metricName(gauge('ecs.task.memory.usage', 'Bytes'), false)).toBe('ecs_task_memory_usage');
    expect(metricName(gauge('ecs.task.memory.usage', 'Bytes'), true)).toBe('ecs_task_memory_usage_Bytes');
    expect(metricName(gauge('ecs.task.cpu.reserved', 'None'), true)).toBe('ecs_task_cpu_reserved_None');
    expect(metricName(gauge('container.network.rate.rx', 'Bytes/Second'), true)).toBe('container_network_rate_rx_Bytes_per_Second');
    expect(metricName(gauge('http.server.duration', 'ms'), true)).toBe('http_server_duration_milliseconds');
    expect(metricName(gauge('process.cpu.utilization', '1'), true)).toBe('process_cpu_utilization_ratio');
    expect(metricName({ name: 'test_counter0_total', unit: '', kind: 'sum', monotonic: true }, true)).toBe('test_counter0_total');
    expect(metricName({ name: 'requests', unit: '1', kind: 'sum', monotonic: true }, true)).toBe('requests_total');
    expect(metricName(gauge('scrape_duration_seconds', 's'), true)).toBe('scrape_duration_seconds');
  });

  it('puts resource attributes on target_info only, unless told to convert them; job and instance always', () => {
    const batch = [{
      resource: { 'service.name': 'app', 'service.instance.id': 'localhost:8080', 'aws.ecs.task.id': 't1' },
      metrics: [{ name: 'up', unit: '', kind: 'gauge' as const, points: [{ attributes: { environment: 'pr-1' }, timeMs: 5, value: 1 }] }],
    }];
    const settings = { resourceToTelemetry: false, addMetricSuffixes: false, targetInfo: true, externalLabels: {} };
    expect(toTimeSeries(batch, settings).map((s) => s.labels)).toEqual([
      { __name__: 'up', environment: 'pr-1', job: 'app', instance: 'localhost:8080' },
      { __name__: 'target_info', aws_ecs_task_id: 't1', job: 'app', instance: 'localhost:8080' },
    ]);
    expect(toTimeSeries(batch, { ...settings, resourceToTelemetry: true })[0].labels).toEqual({
      __name__: 'up', environment: 'pr-1', job: 'app', instance: 'localhost:8080', aws_ecs_task_id: 't1', service_name: 'app', service_instance_id: 'localhost:8080',
    });
  });
});

describe('the CloudWatch Logs model', () => {
  const ctx: CallContext = { region: 'eu-west-1', accountId: '123456789012', accessKeyId: 'AKIA', principalArn: '', requestId: 'r' };
  const logs = new LogsModel();
  logs.createLogGroup('/ecs/s/collector', 'eu-west-1', '123456789012');
  for (let i = 1; i <= 5; i++) logs.append('/ecs/s/collector', 'eu-west-1', '123456789012', 'collector/c/t1', `line ${i}${i === 3 ? ' error 403' : ''}`, i);
  logs.append('/ecs/s/collector', 'eu-west-1', '123456789012', 'collector/c/t2', 'other error', 9);

  it('GetLogEvents returns the newest events unless startFromHead, and pages with its tokens', () => {
    const newest = logs.getLogEvents({ logGroupName: '/ecs/s/collector', logStreamName: 'collector/c/t1', limit: 2 }, ctx);
    expect(newest.events.map((e) => e.message)).toEqual(['line 4', 'line 5']);
    const before = logs.getLogEvents({ logGroupName: '/ecs/s/collector', logStreamName: 'collector/c/t1', limit: 2, nextToken: newest.nextBackwardToken }, ctx);
    expect(before.events.map((e) => e.message)).toEqual(['line 2', 'line 3 error 403']);
    const head = logs.getLogEvents({ logGroupIdentifier: 'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/s/collector', logStreamName: 'collector/c/t1', startFromHead: true, limit: 1 }, ctx);
    expect(head.events.map((e) => e.message)).toEqual(['line 1']);
  });

  it('FilterLogEvents matches terms across streams, oldest first', () => {
    const out = logs.filterLogEvents({ logGroupName: '/ecs/s/collector', filterPattern: 'error' }, ctx);
    expect(out.events.map((e) => [e.logStreamName, e.message])).toEqual([['collector/c/t1', 'line 3 error 403'], ['collector/c/t2', 'other error']]);
    expect(logs.filterLogEvents({ logGroupName: '/ecs/s/collector', filterPattern: '"error 403"', logStreamNamePrefix: 'collector/c/' }, ctx).events).toHaveLength(1);
  });

  it('refuses what CloudWatch Logs refuses', () => {
    const code = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { return (e as AwsError).code; } };
    expect(code(() => logs.describeLogStreams({ logGroupName: '/ecs/none' }, ctx))).toBe('ResourceNotFoundException');
    expect(code(() => logs.describeLogStreams({ logGroupName: '/ecs/s/collector', orderBy: 'LastEventTime', logStreamNamePrefix: 'c' }, ctx))).toBe('InvalidParameterException');
    expect(code(() => logs.describeLogStreams({ logGroupName: '/ecs/s/collector', limit: 51 }, ctx))).toBe('InvalidParameterException');
    expect(code(() => logs.getLogEvents({ logGroupName: '/ecs/s/collector' }, ctx))).toBe('InvalidParameterException');
    expect(code(() => logs.getLogEvents({ logStreamName: 'x' }, ctx))).toBe('InvalidParameterException');
    expect(code(() => logs.getLogEvents({ logGroupName: '/ecs/s/collector', logStreamName: 'missing' }, ctx))).toBe('ResourceNotFoundException');
    expect(logs.describeLogStreams({ logGroupName: '/ecs/s/collector', orderBy: 'LastEventTime', descending: true }, ctx).logStreams.map((s) => s.logStreamName)).toEqual(['collector/c/t2', 'collector/c/t1']);
  });
});
