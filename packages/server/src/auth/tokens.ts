import { SignJWT } from 'jose';

/** Mints an HS256 token in the Supabase shape (demo mode, tests). */
export async function signToken(
  secret: string,
  claims: { sub?: string; email?: string; role?: 'authenticated' | 'service_role'; aud?: string; iss?: string },
  expiresIn: string | number = '12h',
): Promise<string> {
  const jwt = new SignJWT({ role: claims.role ?? 'authenticated', ...(claims.email ? { email: claims.email } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (claims.sub) jwt.setSubject(claims.sub);
  if (claims.aud) jwt.setAudience(claims.aud);
  if (claims.iss) jwt.setIssuer(claims.iss);
  return jwt.sign(new TextEncoder().encode(secret));
}
