import { EventEmitter } from 'node:events';
import type { EventMap } from './events.js';

export type Topic = keyof EventMap;

/** The one small pub/sub interface: in memory by default, Redis with REDIS_URL. */
export interface PubSub {
  publish<T extends Topic>(topic: T, event: EventMap[T]): Promise<void>;
  /** Events for one user only; the iterator ends when `signal` aborts or `return()` is called. */
  subscribe<T extends Topic>(topic: T, userId: string, signal?: AbortSignal): AsyncIterableIterator<EventMap[T]>;
  close(): Promise<void>;
}

const MAX_QUEUED = 10_000;

/** Turns a callback feed into an async iterator with a bounded buffer. */
export function iteratorFrom<E>(attach: (push: (e: E) => void) => () => void, signal?: AbortSignal): AsyncIterableIterator<E> {
  const queue: E[] = [];
  let waiting: ((r: IteratorResult<E>) => void) | null = null;
  let done = false;
  const detach = attach((e) => {
    if (done) return;
    if (waiting) {
      const w = waiting;
      waiting = null;
      w({ value: e, done: false });
    } else if (queue.length < MAX_QUEUED) {
      queue.push(e);
    }
  });
  const finish = (): IteratorResult<E> => {
    if (!done) {
      done = true;
      detach();
      signal?.removeEventListener('abort', onAbort);
      waiting?.({ value: undefined, done: true });
      waiting = null;
    }
    return { value: undefined, done: true };
  };
  const onAbort = () => finish();
  signal?.addEventListener('abort', onAbort);
  return {
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift() as E, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      return Promise.resolve(finish());
    },
    throw(err?: unknown) {
      finish();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async publish<T extends Topic>(topic: T, event: EventMap[T]): Promise<void> {
    this.emitter.emit(`${topic}:${event.userId}`, event);
  }

  subscribe<T extends Topic>(topic: T, userId: string, signal?: AbortSignal): AsyncIterableIterator<EventMap[T]> {
    const channel = `${topic}:${userId}`;
    return iteratorFrom<EventMap[T]>((push) => {
      this.emitter.on(channel, push);
      return () => this.emitter.off(channel, push);
    }, signal);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
