import type { ReactNode } from 'react';
import { Link } from '../ui/Link';
import { UserMenu } from '../modules/auth/components/UserMenu';
import { RunProgressPanel } from '../modules/sync-runs/components/RunProgressPanel';

export const NAV_ITEMS = [
  { href: '/preview', label: 'Product preview' },
  { href: '/patterns', label: 'Saved patterns' },
  { href: '/sync-list', label: 'Sync list' },
  { href: '/history', label: 'History' },
  { href: '/connections', label: 'Connections' },
] as const;

export function AppShell({ pathname, children }: { pathname: string; children: ReactNode }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Synclane
          </Link>
          <nav className="nav" aria-label="Main">
            {NAV_ITEMS.map((item) => {
              const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <Link key={item.href} href={item.href} className={current ? 'nav-link nav-link-current' : 'nav-link'} aria-current={current ? 'page' : undefined}>
                  {item.label}
                </Link>
              );
            })}
          </nav>
          <UserMenu />
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <RunProgressPanel />
        {children}
      </main>
    </div>
  );
}
