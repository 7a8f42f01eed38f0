import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoSecrets {
  jwtSecret: string;
  encryptionKey: string;
}

/** Demo mode generates its JWT secret and encryption key once and keeps them in the data dir. */
export function loadOrCreateDemoSecrets(dataDir: string): DemoSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: DemoSecrets = { jwtSecret: randomBytes(48).toString('base64url'), encryptionKey: randomBytes(32).toString('base64') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}
