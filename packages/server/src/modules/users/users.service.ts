import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';

/**
 * Creates the user row on first sight of a token's `sub` (the table stands in for the
 * auth provider's). The email is unique only when present: a second account claiming a
 * taken email keeps a null email rather than failing the request.
 */
export class UsersService {
  private readonly seen = new Set<string>();

  constructor(private readonly db: Database) {}

  async ensureUser(actor: Actor): Promise<void> {
    const userId = actor.userId;
    if (!userId || this.seen.has(`${userId}:${actor.email ?? ''}`)) return;
    const email = actor.email;
    try {
      await this.db.asUser(userId, (tx) => tx.$executeRaw`
        INSERT INTO users (id, email) VALUES (${userId}::uuid, ${email})
        ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email
        WHERE EXCLUDED.email IS NOT NULL AND users.email IS DISTINCT FROM EXCLUDED.email`);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await this.db.asUser(userId, (tx) => tx.$executeRaw`INSERT INTO users (id) VALUES (${userId}::uuid) ON CONFLICT (id) DO NOTHING`);
    }
    if (this.seen.size > 10_000) this.seen.clear();
    this.seen.add(`${userId}:${actor.email ?? ''}`);
  }

  async me(userId: string): Promise<{ id: string; email: string }> {
    const user = await this.db.asUser(userId, (tx) => tx.user.findUnique({ where: { id: userId } }));
    return { id: userId, email: user?.email ?? '' };
  }
}

export function isUniqueViolation(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${String((err as { code?: unknown }).code ?? '')}` : '';
  return /23505|unique constraint|P2002/i.test(text);
}
