import type { DemoUser } from '../http/auth-routes.js';

export const DEMO_USERS: DemoUser[] = [
  { id: '00000000-0000-4000-8000-0000000000d1', email: 'demo@synclane.dev', name: 'Dana Demo' },
  { id: '00000000-0000-4000-8000-0000000000d2', email: 'ops@synclane.dev', name: 'Omar Ops' },
];
