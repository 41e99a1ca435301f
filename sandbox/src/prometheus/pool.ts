// One real Prometheus server per AMP workspace: the sandbox's AMP data plane stores and answers from it, so what the
// action's verification reads is what a real TSDB and PromQL engine make of what was written.
//
// Each server is started lazily (first write or query to its workspace), on a free loopback port, with its TSDB in a
// temporary directory and a configuration without scrape jobs: samples arrive only by remote write, as in AMP.
// Query behaviour (lookback delta, staleness) is Prometheus's default, as AMP's (Cortex-based) query engine keeps it.
// Flags: `prometheus --help` of Debian's 2.42 package (--web.enable-remote-write-receiver, --storage.tsdb.path,
// --web.listen-address, --config.file); readiness: GET /-/ready answers 200 once the TSDB is open (Prometheus's
// management API, prometheus.io/docs/prometheus/latest/management_api).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root';

/** How long a server may take to open its TSDB and answer /-/ready. */
const READY_TIMEOUT_MS = 30_000;
/** How long a stopping server may take after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 10_000;
/** The tail of a server's own log kept for the error that says why it did not start. */
const LOG_TAIL_BYTES = 4096;

export interface PrometheusServer {
  workspaceId: string;
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  pid: number;
  dir: string;
}

interface Entry {
  ready: Promise<PrometheusServer>;
  child?: ChildProcess;
  server?: PrometheusServer;
  log: string;
}

export interface PrometheusPoolOptions {
  /** The server binary; default: what scripts/install-prometheus.sh prints (installing Debian's package if needed). */
  binary?: string;
}

export class PrometheusPool {
  private readonly entries = new Map<string, Entry>();
  private binary?: string;
  private closed = false;

  constructor(private readonly options: PrometheusPoolOptions = {}) {}

  /** The base URL of the workspace's Prometheus, starting it if it is not running. */
  urlFor(workspaceId: string): Promise<string> {
    return this.serverFor(workspaceId).then((s) => s.url);
  }

  serverFor(workspaceId: string): Promise<PrometheusServer> {
    if (this.closed) return Promise.reject(new Error('sandbox Prometheus pool is closed'));
    let entry = this.entries.get(workspaceId);
    if (!entry) {
      const created: Entry = { log: '', ready: Promise.resolve() as unknown as Promise<PrometheusServer> };
      created.ready = this.start(workspaceId, created);
      // A server that failed to start is forgotten, so the next request tries again and says why again.
      created.ready.catch(() => { if (this.entries.get(workspaceId) === created) this.entries.delete(workspaceId); });
      this.entries.set(workspaceId, created);
      entry = created;
    }
    return entry.ready;
  }

  /** Whether a server runs (or is starting) for the workspace; never starts one. */
  has(workspaceId: string): boolean {
    return this.entries.has(workspaceId);
  }

  /** The process ids of every server started and not yet stopped. */
  pids(): number[] {
    return [...this.entries.values()].flatMap((e) => (e.child?.pid !== undefined ? [e.child.pid] : []));
  }

  /** Stops the workspace's server, if any, and removes its data. */
  async stop(workspaceId: string): Promise<void> {
    const entry = this.entries.get(workspaceId);
    if (!entry) return;
    this.entries.delete(workspaceId);
    await entry.ready.catch(() => undefined);
    await stopChild(entry.child);
    if (entry.server) await rm(entry.server.dir, { recursive: true, force: true });
  }

  /** Stops every server and removes every data directory. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.entries.keys()].map((id) => this.stop(id)));
  }

  private resolveBinary(): string {
    if (this.options.binary) return this.options.binary;
    if (this.binary) return this.binary;
    const script = join(projectRoot(__dirname), 'scripts', 'install-prometheus.sh');
    const r = spawnSync('bash', [script, 'prometheus'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the sandbox's AMP data plane needs a Prometheus server: ${script} prometheus failed (${r.status}): ${r.stderr.trim()}`);
    this.binary = r.stdout.trim();
    return this.binary;
  }

  private async start(workspaceId: string, entry: Entry): Promise<PrometheusServer> {
    const binary = this.resolveBinary();
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-amp-'));
    const config = join(dir, 'prometheus.yml');
    // No scrape jobs and no rule files: the only samples are those written to the workspace.
    await writeFile(config, 'global: {}\nscrape_configs: []\n');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const args = [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-remote-write-receiver',
      '--log.level=warn',
    ];
    const [command, argv] = watchedCommand(binary, args);
    const child = spawn(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    entry.child = child;
    // Read, or a chatty server would block on a full pipe.
    child.stderr!.on('data', (chunk: Buffer) => { entry.log = (entry.log + chunk.toString('utf8')).slice(-LOG_TAIL_BYTES); });
    const exited = new Promise<string>((resolve) => {
      child.once('error', (err) => resolve(`could not be started: ${err.message}`));
      child.once('exit', (code, signal) => resolve(`exited (${signal ?? `code ${code}`})`));
    });
    try {
      await Promise.race([
        waitReady(url),
        exited.then((why) => { throw new Error(`Prometheus for ${workspaceId} ${why} before it was ready:\n${entry.log.trim()}`); }),
      ]);
    } catch (err) {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    const server = { workspaceId, url, pid: child.pid!, dir };
    entry.server = server;
    if (this.closed || this.entries.get(workspaceId) !== entry) {
      // Stopped or closed while starting: this server belongs to nobody.
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
      throw new Error(`Prometheus for ${workspaceId} was stopped while it started`);
    }
    return server;
  }
}

/**
 * The command line that runs `binary` so that it dies with the process that started it, even when that process is
 * killed outright (SIGKILL of a Jest worker): util-linux's `setpriv --pdeathsig KILL` sets the parent-death signal
 * (prctl PR_SET_PDEATHSIG, which survives the execve of a non-setuid binary) and then execs the server in its place.
 * util-linux is an Essential package on Debian and Ubuntu, so setpriv is there wherever the prometheus package is.
 */
export function watchedCommand(binary: string, args: string[]): [string, string[]] {
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  if (!setpriv) throw new Error('the sandbox runs Prometheus under util-linux setpriv (--pdeathsig), so that no server outlives the tests; setpriv is missing: install util-linux');
  return [setpriv, ['--pdeathsig', 'KILL', '--', binary, ...args]];
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Prometheus at ${url} was not ready within ${READY_TIMEOUT_MS} ms (last: ${last})`);
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** A port nothing listens on now; Prometheus binds it a moment later (loopback only). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
