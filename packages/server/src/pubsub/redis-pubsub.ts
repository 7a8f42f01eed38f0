import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { EventMap } from './events.js';
import { iteratorFrom, type PubSub, type Topic } from './pubsub.js';

const PREFIX = 'synclane:';

/**
 * Redis fan-out so a subscriber on one instance sees events of runs on every instance.
 * One subscriber connection per process, one channel per topic and user.
 */
export class RedisPubSub implements PubSub {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly local = new EventEmitter();
  private readonly refs = new Map<string, number>();

  constructor(url: string, private readonly logger: Logger) {
    this.pub = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.sub = new Redis(url, { maxRetriesPerRequest: null });
    this.local.setMaxListeners(0);
    for (const client of [this.pub, this.sub]) client.on('error', (err) => this.logger.warn({ err: err.message }, 'redis error'));
    this.sub.on('message', (channel: string, message: string) => {
      try {
        this.local.emit(channel, reviveDates(JSON.parse(message)));
      } catch (err) {
        this.logger.warn({ err }, 'dropping malformed pub/sub message');
      }
    });
  }

  async publish<T extends Topic>(topic: T, event: EventMap[T]): Promise<void> {
    await this.pub.publish(`${PREFIX}${topic}:${event.userId}`, JSON.stringify(event));
  }

  subscribe<T extends Topic>(topic: T, userId: string, signal?: AbortSignal): AsyncIterableIterator<EventMap[T]> {
    const channel = `${PREFIX}${topic}:${userId}`;
    return iteratorFrom<EventMap[T]>((push) => {
      this.local.on(channel, push);
      const n = (this.refs.get(channel) ?? 0) + 1;
      this.refs.set(channel, n);
      if (n === 1) void this.sub.subscribe(channel).catch((err: unknown) => this.logger.warn({ err }, 'redis subscribe failed'));
      return () => {
        this.local.off(channel, push);
        const left = (this.refs.get(channel) ?? 1) - 1;
        if (left <= 0) {
          this.refs.delete(channel);
          void this.sub.unsubscribe(channel).catch(() => undefined);
        } else this.refs.set(channel, left);
      };
    }, signal);
  }

  /** Resolves once both connections answer (tests and readiness). */
  async ready(): Promise<void> {
    await Promise.all([this.pub.ping(), this.sub.ping()]);
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON loses Dates; the run rows carry several. */
function reviveDates(value: unknown): unknown {
  if (typeof value === 'string' && ISO.test(value)) return new Date(value);
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveDates(v)]));
  return value;
}
