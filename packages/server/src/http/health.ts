import type { Express } from 'express';
import type { Database } from '../db/database.js';
import { migrationsApplied } from '../db/migrate.js';

export function mountHealth(app: Express, db: Database): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      const client = await db.pool.connect();
      try {
        const ready = await migrationsApplied(client);
        res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'migrations pending', database: 'ok' });
      } finally {
        client.release();
      }
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
