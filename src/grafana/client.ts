import { ActionError } from '../util/errors';

/** A Grafana HTTP API answer outside 2xx, with Grafana's own message. */
export class GrafanaApiError extends ActionError {
  constructor(
    public readonly method: string,
    public readonly path: string,
    public readonly status: number,
    public readonly grafanaMessage: string,
    /** The answer's JSON body, when it had one: some answers (a failed /api/ds/query) say more than their message. */
    public readonly body?: unknown,
  ) {
    super(`Grafana API ${method} ${path} failed: ${status} ${grafanaMessage}`, fixFor(status));
    this.name = 'GrafanaApiError';
  }
}

function fixFor(status: number): string | undefined {
  if (status === 401) return 'The service account token was refused; re-run the step (it creates a fresh token). If it persists, check the workspace\'s service accounts in the AMG console.';
  if (status === 403) return 'The ecs-amp-action service account needs the Grafana Admin role in this workspace (data sources need Admin).';
  return undefined;
}

export interface GrafanaClientOptions {
  /** Workspace URL with scheme, no trailing slash. */
  baseUrl: string;
  token: string;
  userAgent: string;
  /** Attempts per request for 429, 5xx and network errors (default 10, as the AWS clients make). */
  maxAttempts?: number;
  /** Base of the backoff in ms (doubled each retry, full jitter; five times it for 429). */
  baseDelayMs?: number;
  log?: (line: string) => void;
  /**
   * No request starts, and none is retried, after this time (ms since epoch): the token's expiry
   * less a margin, so the token's lifetime can be the shortest that fits the step.
   */
  deadline?: number;
}

/**
 * Ten attempts, the same as the AWS clients (src/aws/clients.ts) and what the README promises: with
 * six, the sweep under 50 % throttling failed in 2 of 3 runs.
 */
export const DEFAULT_MAX_ATTEMPTS = 10;
/** Every request ends within this (the runner's step timeout would otherwise be the only bound). */
const REQUEST_TIMEOUT_MS = 30_000;

/** Statuses worth another try: throttling and a gateway or Grafana that is briefly unavailable. */
const RETRYABLE = new Set([429, 502, 503, 504]);

/**
 * A thin JSON client for one workspace's Grafana HTTP API. Retries what a busy or restarting
 * Grafana answers, so a flaky moment costs seconds rather than a failed preview.
 */
export class GrafanaClient {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly stopped = new AbortController();

  constructor(private readonly opts: GrafanaClientOptions) {
    this.maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.baseDelayMs = opts.baseDelayMs ?? 100;
  }

  /**
   * Ends every request still in flight or waiting to retry, which then fails at once. For work
   * nobody awaits any more (the sibling of a call that failed): its token is about to be deleted,
   * and its retries would only keep the step's process alive.
   */
  stop(): void {
    this.stopped.abort();
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** GET that answers undefined for 404: "does it exist" without try/catch at every call site. */
  async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', path);
    } catch (err) {
      if (err instanceof GrafanaApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.opts.baseUrl}${path}`;
    for (let attempt = 1; ; attempt++) {
      const left = this.opts.deadline === undefined ? Infinity : this.opts.deadline - Date.now();
      if (this.stopped.signal.aborted) throw new ActionError(`Grafana API ${method} ${path} was abandoned: the step's Grafana work ended.`);
      if (left <= 0) {
        throw new ActionError(`Grafana API ${method} ${path} was not ${attempt === 1 ? 'attempted' : 'retried'}: the step's Grafana work ran past the lifetime of its API token.`,
          'Grafana answered too slowly or kept failing; re-run the step (each run gets a fresh token).');
      }
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.opts.token}`,
            accept: 'application/json',
            'user-agent': this.opts.userAgent,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.any([this.stopped.signal, AbortSignal.timeout(Math.max(1, Math.min(REQUEST_TIMEOUT_MS, left)))]),
        });
      } catch (err) {
        if (attempt < this.maxAttempts) {
          await this.backoff(attempt, method, path, (err as Error).message);
          continue;
        }
        throw new ActionError(`Grafana API ${method} ${path} failed: ${(err as Error).message} (${url.split('/api/')[0]} unreachable after ${attempt} attempts).`,
          'Check that the workspace is ACTIVE and reachable from the runner (AMG workspaces with network access control need the runner\'s IP or VPC endpoint allowed).');
      }
      const text = await response.text();
      if (response.ok) return parseAnswer<T>(method, path, this.opts.baseUrl, response, text);
      // Grafana also answers 500 for request errors it has no mapping for (a missing import input),
      // so a 500 is retried only where asking again cannot change anything.
      const retryable = RETRYABLE.has(response.status) || (response.status === 500 && method === 'GET');
      if (retryable && attempt < this.maxAttempts) {
        await this.backoff(attempt, method, path, `${response.status}`, response.headers.get('retry-after'));
        continue;
      }
      throw new GrafanaApiError(method, path, response.status, messageOf(text), jsonOf(text));
    }
  }

  /**
   * The AWS SDK's standard retry delays (@smithy/util-retry: full jitter, 100 ms base, 500 ms for
   * throttling, at most 20 s), so the two kinds of client back off alike: ten attempts wait at most
   * about 45 s (90 s throttled), about half that on average. A Retry-After from Grafana wins.
   */
  private async backoff(attempt: number, method: string, path: string, why: string, retryAfter?: string | null): Promise<void> {
    const hinted = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
    const base = why === '429' ? this.baseDelayMs * 5 : this.baseDelayMs;
    const delay = Math.min(20_000, Math.max(hinted, Math.random() * 2 ** (attempt - 1) * base));
    this.opts.log?.(`Grafana API ${method} ${path}: ${why}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${this.maxAttempts})`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, delay);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.stopped.signal.addEventListener('abort', done, { once: true });
    });
  }
}

/**
 * A 2xx body as JSON. Grafana's API always answers JSON; a 200 with an HTML page comes from
 * something in front of it (a proxy, an SSO or login page, a captive portal) or from a URL that is
 * not the workspace's API, and JSON.parse alone would say only "Unexpected token '<'".
 */
function parseAnswer<T>(method: string, path: string, baseUrl: string, response: Response, text: string): T {
  if (!text) return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    const html = isHtml(response, text);
    const what = html ? `an HTML page${titleOf(text) ? ` ('${titleOf(text)}')` : ''}` : `a body that is not JSON (${response.headers.get('content-type') || 'no content type'})`;
    throw new ActionError(
      `Grafana API ${method} ${path} answered ${response.status} with ${what} instead of JSON: ${baseUrl} does not look like the workspace's Grafana API.`,
      `Something answers in front of Grafana: a proxy, a login or SSO page, or network access control that redirects the runner. Check that ${baseUrl} is the workspace URL the AMG console shows and that the runner reaches it directly (no HTTP(S)_PROXY that intercepts it).`,
    );
  }
}

function isHtml(response: Response, text: string): boolean {
  return /html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text);
}

/** The page's <title>, one line and short: it names the proxy or login page without quoting the page. */
function titleOf(text: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? title.slice(0, 80) : undefined;
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: a proxy's HTML error page, say. Its title, else its first line, is still better than nothing.
    if (/^\s*</.test(text)) return `an HTML page${titleOf(text) ? ` ('${titleOf(text)}')` : ''} (a proxy or gateway in front of Grafana)`;
  }
  return text.split('\n')[0].slice(0, 200) || '(empty response)';
}
