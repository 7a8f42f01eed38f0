/** Who is calling, once the token was verified. */
export type Actor =
  | { kind: 'user'; userId: string; email: string | null; expiresAt: number | null }
  | { kind: 'service'; userId: string | null; email: string | null; expiresAt: number | null };

export const SYSTEM_ACTOR: Actor = { kind: 'service', userId: null, email: null, expiresAt: null };
