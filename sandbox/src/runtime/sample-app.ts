// The app container's stand-in. For the default image, public.ecr.aws/aws-otel-test/prometheus-sample-app, it
// behaves as its source does (aws-observability/aws-otel-test-framework sample-apps/prometheus, main.go and
// metric_collector.go, read, not copied):
// - listens on LISTEN_ADDRESS, or prints "Invalid address entered, serving on 0.0.0.0:8080" and listens on 8080
//   (the preview task sets no LISTEN_ADDRESS, so an app-port other than 8080 finds nothing listening, as on AWS);
// - serves "/" ("healthy"), "/metrics" (client_golang's text exposition of a registry of its own: no go_* or
//   process_* series) and nothing else: the metrics path is fixed, whatever the collector is told to scrape;
// - METRICS_LOAD (default 1) sets of one counter, gauge, histogram (buckets 0.005, 0.1, 1) and summary (objectives
//   0.1, 0.5, 0.99), namespace "test" + INSTANCE_ID, help texts "This is my <kind>";
// - every 30 s (first after 30 s) the counter and gauge grow by a random [0, 1) and the histogram and summary
//   observe lowerBound, lowerBound + increment, … < 1 with random lowerBound in [0, 1) and increment in [0, 0.05).
// An image the sandbox does not know answers 200 on "/" on its first port mapping and 404 elsewhere: an app that
// serves no metrics.
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export const SAMPLE_APP_REPOSITORY = 'public.ecr.aws/aws-otel-test/prometheus-sample-app';
const UPDATE_MS = 30_000;
const BUCKETS = [0.005, 0.1, 1];
const QUANTILES = [0.1, 0.5, 0.99];
// client_golang's summaries default to a 10-minute window (DefMaxAge).
const SUMMARY_MAX_AGE_MS = 10 * 60_000;

export interface AppContainer {
  image: string;
  environment: Record<string, string>;
  containerPorts: number[];
  /** The container's stdout, as the awslogs driver ships it. */
  log(line: string): void;
}

export interface RunningApp {
  /** The port inside the task's network namespace the app listens on (what localhost:<port> reaches). */
  taskPort: number;
  /** Where that port really listens on this machine. */
  address: { host: string; port: number };
  close(): Promise<void>;
}

export function isSampleApp(image: string): boolean {
  return image.split(/[:@]/)[0] === SAMPLE_APP_REPOSITORY;
}

/** Starts the container's stand-in; undefined when it listens on nothing. */
export async function startApp(c: AppContainer, now: () => number = Date.now): Promise<RunningApp | undefined> {
  if (isSampleApp(c.image)) return startSampleApp(c, now);
  if (c.containerPorts.length === 0) return undefined;
  return listen(c.containerPorts[0], (path) => (path === '/' ? { status: 200, body: 'OK' } : { status: 404, body: '404 page not found\n' }));
}

async function startSampleApp(c: AppContainer, now: () => number): Promise<RunningApp> {
  let taskPort = 8080;
  const address = c.environment.LISTEN_ADDRESS?.trim();
  if (address === undefined) c.log('Invalid address entered, serving on 0.0.0.0:8080');
  else {
    c.log(`Serving on address: ${address}`);
    taskPort = Number(address.split(':').pop());
  }
  const metrics = new SampleMetrics(`test${c.environment.INSTANCE_ID ?? ''}`, Number(c.environment.METRICS_LOAD ?? '1'), now);
  const timer = setInterval(() => metrics.update(), UPDATE_MS);
  timer.unref();
  const app = await listen(taskPort, (path) => {
    if (path === '/') return { status: 200, body: 'healthy' };
    if (path === '/metrics') return { status: 200, body: metrics.exposition(), contentType: 'text/plain; version=0.0.4; charset=utf-8' };
    return { status: 404, body: '404 page not found\n' };
  });
  return { ...app, close: () => { clearInterval(timer); return app.close(); } };
}

type Handler = (path: string) => { status: number; body: string; contentType?: string };

async function listen(taskPort: number, handler: Handler): Promise<RunningApp> {
  const server: Server = createServer((req, res) => {
    const { status, body, contentType } = handler(new URL(req.url ?? '/', 'http://app').pathname);
    res.writeHead(status, { 'content-type': contentType ?? 'text/plain; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address() as AddressInfo;
  return {
    taskPort, address: { host: '127.0.0.1', port },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

interface MetricSet { counter: number; gauge: number; buckets: number[]; count: number; sum: number; observations: { at: number; v: number }[] }

/** The sample app's registry: METRICS_LOAD sets of counter, gauge, histogram and summary. */
export class SampleMetrics {
  private readonly sets: MetricSet[];

  constructor(private readonly namespace: string, load: number, private readonly now: () => number = Date.now, private readonly random: () => number = Math.random) {
    this.sets = Array.from({ length: load }, () => ({ counter: 0, gauge: 0, buckets: BUCKETS.map(() => 0), count: 0, sum: 0, observations: [] }));
  }

  update(): void {
    const at = this.now();
    for (const s of this.sets) {
      s.counter += this.random();
      s.gauge += this.random();
      const lowerBound = this.random() % 1;
      // The Go loop never ends for an increment of 0; below 0.0005 it would observe thousands of values a round.
      const increment = Math.max((this.random() % 0.05), 0.0005);
      for (let v = lowerBound; v < 1; v += increment) {
        s.count++;
        s.sum += v;
        BUCKETS.forEach((b, i) => { if (v <= b) s.buckets[i]++; });
        s.observations.push({ at, v });
      }
      s.observations = s.observations.filter((o) => o.at > at - SUMMARY_MAX_AGE_MS);
    }
  }

  /** The text exposition format (0.0.4) as client_golang writes it: families sorted by name. */
  exposition(): string {
    const families: string[] = [];
    this.sets.forEach((s, i) => {
      const name = (kind: string) => `${this.namespace}_${kind}${i}`;
      families.push(
        `# HELP ${name('counter')}_total This is my counter\n# TYPE ${name('counter')}_total counter\n${name('counter')}_total ${num(s.counter)}\n`,
        `# HELP ${name('gauge')} This is my gauge\n# TYPE ${name('gauge')} gauge\n${name('gauge')} ${num(s.gauge)}\n`,
        `# HELP ${name('histogram')} This is my histogram\n# TYPE ${name('histogram')} histogram\n`
          + BUCKETS.map((b, j) => `${name('histogram')}_bucket{le="${b}"} ${s.buckets[j]}\n`).join('')
          + `${name('histogram')}_bucket{le="+Inf"} ${s.count}\n${name('histogram')}_sum ${num(s.sum)}\n${name('histogram')}_count ${s.count}\n`,
        `# HELP ${name('summary')} This is my summary\n# TYPE ${name('summary')} summary\n`
          + QUANTILES.map((q) => `${name('summary')}{quantile="${q}"} ${num(quantile(s.observations.map((o) => o.v), q))}\n`).join('')
          + `${name('summary')}_sum ${num(s.sum)}\n${name('summary')}_count ${s.count}\n`,
      );
    });
    return families.sort().join('');
  }
}

/** A summary with no observations in its window reports NaN for every quantile, as client_golang does. */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
