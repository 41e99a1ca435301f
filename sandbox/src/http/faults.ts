import { Faults } from '../core/types';

export const NO_FAULTS: Faults = { throttleRate: 0, serverErrorRate: 0, latencyMs: 0, services: [] };

/** Decides, reproducibly from a seed, which requests get an injected fault. */
export class FaultInjector {
  private faults: Faults = { ...NO_FAULTS };
  private state: number;

  constructor(seed = 42) {
    this.state = seed >>> 0 || 1;
  }

  set(partial: Partial<Faults>): Faults {
    this.faults = { ...this.faults, ...partial };
    return this.faults;
  }

  get(): Faults {
    return { ...this.faults };
  }

  /** What to do with one AWS request to `service`. */
  decide(service: string): { delayMs: number; fault?: 'throttle' | 'server-error' } {
    const f = this.faults;
    if (f.services.length > 0 && !f.services.includes(service)) return { delayMs: 0 };
    const roll = this.next();
    if (roll < f.throttleRate) return { delayMs: f.latencyMs, fault: 'throttle' };
    if (roll < f.throttleRate + f.serverErrorRate) return { delayMs: f.latencyMs, fault: 'server-error' };
    return { delayMs: f.latencyMs };
  }

  /** xorshift32: deterministic for a seed, good enough to spread faults. */
  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }
}
