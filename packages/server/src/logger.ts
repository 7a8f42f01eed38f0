import pino, { type Logger } from 'pino';

// Anything that could carry a secret is censored wherever it appears in a log object.
const REDACT = [
  'token', 'accessToken', 'authorization', 'password', 'secret', 'consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret',
  'credentials', '*.token', '*.accessToken', '*.authorization', '*.password', '*.secret', '*.consumerKey',
  '*.consumerSecret', '*.tokenId', '*.tokenSecret', '*.credentials', 'req.headers.authorization', 'headers.authorization',
  '*.headers.authorization', 'variables', '*.variables',
];

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'synclane' } });
}

export type { Logger };
