import { useEffect } from 'react';
import { SignInPage } from '../modules/auth/components/SignInPage';
import { ConnectionsPage } from '../modules/connections/components/ConnectionsPage';
import { HistoryTab } from '../modules/history/components/HistoryTab';
import { RunDetailPage } from '../modules/history/components/RunDetailPage';
import { PatternsTab } from '../modules/patterns/components/PatternsTab';
import { ProductPreviewPage } from '../modules/preview/components/ProductPreviewPage';
import { PreviewSelectionProvider } from '../modules/preview/hooks/usePreviewSelection';
import { SyncListTab } from '../modules/sync-list/components/SyncListTab';
import { SyncRunsProvider } from '../modules/sync-runs/hooks/useSyncRuns';
import { EmptyState } from '../ui/DataState';
import { Link } from '../ui/Link';
import { ApiProvider } from './ApiProvider';
import { AppShell, NAV_ITEMS } from './AppShell';
import { matchPath, navigate, usePathname } from './router';
import { useToken } from './session';

const HOME = '/sync-list';

function Page({ pathname }: { pathname: string }) {
  switch (pathname) {
    case '/preview':
      return <ProductPreviewPage />;
    case '/patterns':
      return <PatternsTab />;
    case '/sync-list':
      return <SyncListTab />;
    case '/history':
      return <HistoryTab />;
    case '/connections':
      return <ConnectionsPage />;
  }
  const run = matchPath('/history/:id', pathname);
  if (run?.id) return <RunDetailPage key={run.id} id={run.id} />;
  return (
    <EmptyState title="Page not found">
      <Link href={HOME}>Go to the sync list</Link>
    </EmptyState>
  );
}

export function App() {
  const token = useToken();
  const pathname = usePathname();

  // Signed out: every route shows sign-in under /signin, remembering nothing of the old session.
  useEffect(() => {
    if (!token && pathname !== '/signin') navigate('/signin', { replace: true });
    if (token && (pathname === '/signin' || pathname === '/')) navigate(HOME, { replace: true });
  }, [token, pathname]);

  useEffect(() => {
    const item = NAV_ITEMS.find((i) => pathname.startsWith(i.href));
    document.title = token ? `${item?.label ?? 'Synclane'} · Synclane` : 'Sign in · Synclane';
  }, [token, pathname]);

  if (!token) return <SignInPage />;
  return (
    <ApiProvider token={token}>
      <SyncRunsProvider>
        <PreviewSelectionProvider>
          <AppShell pathname={pathname}>
            <Page pathname={pathname} />
          </AppShell>
        </PreviewSelectionProvider>
      </SyncRunsProvider>
    </ApiProvider>
  );
}
