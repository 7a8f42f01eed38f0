/**
 * Caps requests in flight per platform account (NetSuite's limit is account-wide, shared by every
 * connection and process that reaches the account). In memory for now; a Redis or Postgres
 * implementation of the same interface can hold it across processes.
 */
export interface ConcurrencyLimiter {
  /** Resolves when a slot is free; call the returned function once to give it back. */
  acquire(key: string, limit: number): Promise<() => void>;
}

interface Waiter {
  limit: number;
  grant: () => void;
}

interface KeyState {
  active: number;
  queue: Waiter[];
}

/** FIFO-fair: a waiter is never overtaken by a later caller, whatever limit each one passes. */
export class InMemoryConcurrencyLimiter implements ConcurrencyLimiter {
  private readonly keys = new Map<string, KeyState>();

  acquire(key: string, limit: number): Promise<() => void> {
    if (!Number.isInteger(limit) || limit < 1) return Promise.reject(new Error(`concurrency limit must be a positive integer, got ${limit}`));
    const state = this.keys.get(key) ?? { active: 0, queue: [] };
    this.keys.set(key, state);
    return new Promise((resolve) => {
      state.queue.push({ limit, grant: () => resolve(this.releaser(key, state)) });
      this.drain(state);
    });
  }

  /** Requests holding a slot and requests waiting for one, for tests and metrics. */
  stats(key: string): { active: number; waiting: number } {
    const state = this.keys.get(key);
    return { active: state?.active ?? 0, waiting: state?.queue.length ?? 0 };
  }

  private releaser(key: string, state: KeyState): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active -= 1;
      this.drain(state);
      if (state.active === 0 && state.queue.length === 0) this.keys.delete(key);
    };
  }

  private drain(state: KeyState): void {
    while (state.queue.length > 0 && state.active < state.queue[0].limit) {
      const next = state.queue.shift() as Waiter;
      state.active += 1;
      next.grant();
    }
  }
}

/** One limiter per process, so every connector for an account shares its slots. */
export const processConcurrencyLimiter: ConcurrencyLimiter = new InMemoryConcurrencyLimiter();
