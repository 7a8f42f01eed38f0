// graphql-js quotes the whole variable value in coercion errors ("Variable "$input" got
// invalid value { accessToken: ... }"), so any credential sent in variables could come
// back in an error message. Collect the secret strings and cut them out of messages.
const SECRET_KEYS = new Set(['accessToken', 'consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret', 'password', 'token', 'secret']);

export function secretValues(value: unknown, found: string[] = [], underSecret = false): string[] {
  if (typeof value === 'string') {
    if (underSecret && value.length > 0) found.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) secretValues(v, found, underSecret);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) secretValues(v, found, underSecret || SECRET_KEYS.has(k));
  }
  return found;
}

export function redactMessage(message: string, secrets: string[]): string {
  let out = message;
  // Longest first so a secret containing another is cut whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('[redacted]');
  // Also cut JSON-escaped spellings graphql-js' inspect() may produce.
  for (const s of secrets) out = out.split(JSON.stringify(s).slice(1, -1)).join('[redacted]');
  return out;
}
