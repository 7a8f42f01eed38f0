import type { Config } from './config.js';
import type { CredentialCipher } from './crypto/credentials.js';
import type { Database } from './db/database.js';
import type { Logger } from './logger.js';
import { PatternsService } from './modules/patterns/patterns.service.js';
import { UsersService } from './modules/users/users.service.js';

export interface ServiceDeps {
  config: Config;
  db: Database;
  logger: Logger;
  cipher: CredentialCipher;
}

/** Every service the resolvers, REST handlers and scheduler call; built once per process. */
export interface Services {
  users: UsersService;
  patterns: PatternsService;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    users: new UsersService(deps.db),
    patterns: new PatternsService(deps.db),
  };
}
