import { Redis } from 'ioredis';
import { capability, type Capability } from './require.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers at REDIS_URL (tests needing it skip, or fail under CI_REQUIRE_ALL=1). */
export function redisCapability(): Promise<Capability> {
  return capability('Redis', async () => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    let cause: Error | undefined;
    probe.on('error', (err: Error) => (cause ??= err));
    try {
      await probe.connect();
      await probe.ping();
    } catch (err) {
      throw cause ?? err;
    } finally {
      probe.disconnect();
    }
  });
}
