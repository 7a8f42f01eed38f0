import express, { type Express } from 'express';
import { z } from 'zod';
import { signToken } from '../auth/tokens.js';

export interface DemoUser {
  id: string;
  email: string;
  name: string;
}

export interface AuthRoutesOptions {
  demoMode: boolean;
  demoUsers: DemoUser[];
  jwtSecret: string | undefined;
  signInUrl: string | undefined;
}

const demoTokenBody = z.object({ email: z.string().trim().toLowerCase().email().max(320) });

export function mountAuthRoutes(app: Express, opts: AuthRoutesOptions): void {
  app.get('/auth/config', (_req, res) => {
    res.json({
      demoMode: opts.demoMode,
      ...(opts.demoMode ? { demoUsers: opts.demoUsers.map(({ email, name }) => ({ email, name })) } : {}),
      ...(opts.signInUrl ? { signInUrl: opts.signInUrl } : {}),
    });
  });
  if (!opts.demoMode || !opts.jwtSecret) return;
  const secret = opts.jwtSecret;
  // Exists only in demo mode: mints a token for a seeded demo user.
  app.post('/auth/demo-token', express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = demoTokenBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'body must be {"email": "<a demo user\'s email>"}' });
      return;
    }
    const user = opts.demoUsers.find((u) => u.email === parsed.data.email);
    if (!user) {
      res.status(404).json({ error: 'no demo user has that email', demoUsers: opts.demoUsers.map((u) => u.email) });
      return;
    }
    res.json({ token: await signToken(secret, { sub: user.id, email: user.email, role: 'authenticated' }) });
  });
}
