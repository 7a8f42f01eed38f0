import { Kind, parse, visit } from 'graphql';
// graphql-js quotes the whole variable value in coercion errors ("Variable "$input" got
// invalid value { accessToken: ... }"), so any credential sent in variables could come
// back in an error message. Collect the secret strings and cut them out of messages.
const SECRET_KEYS = new Set(['accessToken', 'consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret', 'password', 'token', 'secret']);

/** Walks the variables iteratively (a deeply nested value must not overflow the stack). */
export function secretValues(value: unknown, limit = 100_000): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, boolean]> = [[value, false]];
  for (let seen = 0; stack.length && seen < limit; seen++) {
    const [v, underSecret] = stack.pop() as [unknown, boolean];
    if (typeof v === 'string') {
      if (underSecret && v.length > 0) found.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push([x, underSecret]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) stack.push([x, underSecret || SECRET_KEYS.has(k)]);
    }
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

/** Credentials typed into the query text itself (`accessToken: "..."`) are secrets too. */
export function secretLiterals(query: string | undefined): string[] {
  if (!query || !/token|secret|key|password/i.test(query)) return [];
  try {
    const found: string[] = [];
    visit(parse(query, { maxTokens: 10_000 }), {
      ObjectField(node) {
        if (!SECRET_KEYS.has(node.name.value)) return;
        const v = node.value;
        if (v.kind === Kind.STRING || v.kind === Kind.ENUM || v.kind === Kind.INT || v.kind === Kind.FLOAT) found.push(String(v.value));
      },
    });
    return found.filter((s) => s.length > 0);
  } catch {
    return [];
  }
}
