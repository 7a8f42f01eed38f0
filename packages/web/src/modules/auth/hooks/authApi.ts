export interface DemoUser {
  email: string;
  name?: string;
}

export interface AuthConfig {
  demoMode: boolean;
  demoUsers: DemoUser[];
  signInUrl: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads `GET /auth/config`, keeping only the fields we understand. */
export function parseAuthConfig(body: unknown): AuthConfig {
  if (!isRecord(body)) throw new Error('The server sent an unexpected sign-in configuration.');
  const users = Array.isArray(body.demoUsers) ? body.demoUsers : [];
  return {
    demoMode: body.demoMode === true,
    demoUsers: users.flatMap((user): DemoUser[] =>
      isRecord(user) && typeof user.email === 'string'
        ? [{ email: user.email, ...(typeof user.name === 'string' ? { name: user.name } : {}) }]
        : [],
    ),
    signInUrl: typeof body.signInUrl === 'string' && body.signInUrl ? body.signInUrl : null,
  };
}

export async function fetchAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  const response = await fetch('/auth/config', { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`The server answered ${response.status} for its sign-in configuration.`);
  return parseAuthConfig(await response.json());
}

export async function requestDemoToken(email: string): Promise<string> {
  const response = await fetch('/auth/demo-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email }),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok || !isRecord(body) || typeof body.token !== 'string') {
    const message = isRecord(body) && typeof body.error === 'string' ? body.error : `The server answered ${response.status}.`;
    throw new Error(`Could not sign in as ${email}: ${message}`);
  }
  return body.token;
}
