import { parse } from 'yaml';
import { adotConfig, AdotConfig, ADOT_IMAGE, ECS_TASK_METRICS, renderAdotConfig, validateAdotConfig } from '../../src/render/adot-config';

const opts = {
  region: 'eu-west-1',
  remoteWriteUrl: 'https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write',
  appPort: 8080, metricsPath: '/metrics', environment: 'pr-7',
};

describe('ADOT collector configuration', () => {
  const rendered = parse(renderAdotConfig(opts)) as AdotConfig;

  it('has no logging exporter (removed in ADOT v0.42; the collector would not start)', () => {
    expect(Object.keys(rendered.exporters).filter((e) => e.startsWith('logging'))).toEqual([]);
    const withLogging = adotConfig(opts);
    withLogging.exporters.logging = {};
    withLogging.service.pipelines['metrics/app'].exporters.push('logging');
    expect(validateAdotConfig(withLogging)).toContain("exporter 'logging' was removed from the collector (use 'debug')");
  });

  it('turns resource attributes into labels, so aws_ecs_task_family/aws_ecs_task_id reach every series', () => {
    expect(rendered.exporters.prometheusremotewrite).toMatchObject({ resource_to_telemetry_conversion: { enabled: true } });
  });

  it('keeps metric names without unit suffixes, on an ADOT release where that setting exists', () => {
    expect(rendered.exporters.prometheusremotewrite).toMatchObject({ add_metric_suffixes: false });
    const [major, minor] = /:v(\d+)\.(\d+)\.\d+$/.exec(ADOT_IMAGE)!.slice(1).map(Number);
    expect(major).toBe(0);
    expect(minor).toBeGreaterThanOrEqual(35);
    expect(minor).toBeLessThanOrEqual(49);
  });

  it('signs remote write with SigV4 for aps in the workspace region', () => {
    expect(rendered.extensions.sigv4auth).toEqual({ region: 'eu-west-1', service: 'aps' });
    expect(rendered.exporters.prometheusremotewrite).toMatchObject({ endpoint: opts.remoteWriteUrl, auth: { authenticator: 'sigv4auth' } });
  });

  it('wires both pipelines to the remote write exporter', () => {
    expect(rendered.service.pipelines['metrics/app'].receivers).toEqual(['prometheus']);
    expect(rendered.service.pipelines['metrics/ecs'].receivers).toEqual(['awsecscontainermetrics']);
    for (const p of Object.values(rendered.service.pipelines)) expect(p.exporters).toEqual(['prometheusremotewrite']);
    expect(validateAdotConfig(rendered)).toEqual([]);
  });

  it('labels the app\'s series with their task (resourcedetection ecs), so two tasks\' series never collide', () => {
    expect(rendered.service.pipelines['metrics/app'].processors).toEqual(['resourcedetection/ecs', 'batch']);
    // The ECS receiver labels its own series; the detector would only repeat them.
    expect(rendered.service.pipelines['metrics/ecs'].processors).toEqual(['filter/ecs-task-metrics', 'batch']);
    expect(rendered.processors['resourcedetection/ecs']).toEqual({
      detectors: ['ecs'],
      // Lists become JSON-string labels: off. aws.ecs.task.id and the rest stay on (their default).
      ecs: { resource_attributes: {
        'aws.log.group.names': { enabled: false }, 'aws.log.group.arns': { enabled: false },
        'aws.log.stream.names': { enabled: false }, 'aws.log.stream.arns': { enabled: false },
      } },
    });
  });

  it('exports each container\'s network rate, not the task-level sum that counts the awsvpc interface once per container', () => {
    const names = (rendered.processors['filter/ecs-task-metrics'] as { metrics: { include: { metric_names: string[] } } }).metrics.include.metric_names;
    expect(names).toEqual([...ECS_TASK_METRICS]);
    expect(names).toEqual(expect.arrayContaining(['container.network.rate.rx', 'container.network.rate.tx', 'ecs.task.cpu.utilized', 'ecs.task.cpu.reserved']));
    expect(names.filter((n) => n.startsWith('ecs.task.network'))).toEqual([]);
  });

  it('fits a CloudFormation parameter (4096 bytes) in the longest case', () => {
    const long = renderAdotConfig({
      region: 'ap-southeast-2', appPort: 65535, environment: 'a'.repeat(32), metricsPath: `/${'m'.repeat(200)}`,
      remoteWriteUrl: `https://aps-workspaces.ap-southeast-2.amazonaws.com/workspaces/ws-${'0'.repeat(61)}/api/v1/remote_write`,
    });
    expect(Buffer.byteLength(long)).toBeLessThan(4096);
  });

  it('finds undefined and unused components', () => {
    const broken = adotConfig(opts);
    broken.service.pipelines['metrics/app'].processors.push('memory_limiter');
    broken.processors['resourcedetection'] = {};
    expect(validateAdotConfig(broken)).toEqual([
      "pipeline metrics/app uses processor 'memory_limiter', which is not defined",
      "processor 'resourcedetection' is defined but no pipeline uses it",
    ]);
  });

  it('refuses a $ that the collector would expand', () => {
    expect(() => renderAdotConfig({ ...opts, metricsPath: '/metrics$x' })).toThrow(/'\$'/);
  });
});
