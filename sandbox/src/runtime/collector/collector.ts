// The ADOT collector's stand-in (placeholder until the pipelines land).
import type { Address, TaskStandIn } from '../task-runtime';

export interface HttpAnswer { status: number; statusText: string; body: string }

export interface CollectorContext {
  config: string;
  task: TaskStandIn;
  image: string;
  log(line: string): void;
  resolve(port: number): Address | undefined;
  remoteWrite(url: string, headers: Record<string, string>, body: Buffer): Promise<HttpAnswer>;
}

export interface RunningCollector { close(): Promise<void> }

export function startCollector(_ctx: CollectorContext): RunningCollector {
  return { close: async () => undefined };
}
