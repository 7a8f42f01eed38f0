import { createRequire } from 'node:module';

// `pg` is a dependency of the server package, not of the root: load it from there.
const requireServer = createRequire(new URL('../../packages/server/package.json', import.meta.url));

export interface PgResult<R> {
  rows: R[];
  rowCount: number | null;
}

export interface PgPool {
  query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<PgResult<R>>;
  end(): Promise<void>;
}

interface PgModule {
  Pool: new (options: { connectionString: string; max?: number }) => PgPool;
}

const pg = requireServer('pg') as PgModule;

/** A small pool on the bench database for the unmeasured setup and the figures read afterwards. */
export function benchPool(url: string, max = 4): PgPool {
  return new pg.Pool({ connectionString: url, max });
}
