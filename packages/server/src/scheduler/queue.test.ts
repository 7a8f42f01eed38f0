import { expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { startTestServer } from '../../test/server.js';

// Regression: two instances starting together on a fresh database deadlocked in the job
// queue's setup (concurrent GRANT ... ON ALL TABLES), and one of them exited.
it('several instances starting at once on a fresh database all start', async () => {
  for (let round = 0; round < 2; round++) {
    const database = await createTestDatabase();
    const servers = await Promise.allSettled([1, 2, 3].map(() => startTestServer({ SYNC_WORKER_CONCURRENCY: '1' }, {}, database.url)));
    for (const s of servers) if (s.status === 'fulfilled') await s.value.runtime.stop();
    await database.drop();
    expect(servers.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
  }
}, 120_000);
