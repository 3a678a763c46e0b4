import './public-layout.css';
import { Layout } from 'antd';
import { Suspense, useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { PendingConsentBanner } from '../../features/account/components/pending-consent-banner.tsx';
import { PageSpinner } from '../../shared/ui/page-spinner.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';

/** Scrolls to the top on page change, or to the #anchor when the link names one. */
function useScrollOnNavigate(): void {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    if (hash) return; // the page scrolls to its own anchor once its content exists
    window.scrollTo({ top: 0 });
  }, [pathname, hash]);
}

/** Header, page, footer: the frame of every public page. */
export function PublicLayout() {
  useScrollOnNavigate();
  const { pathname } = useLocation();
  return (
    <Layout className="sb-public">
      <SiteHeader />
      {/* data-path: the page on screen (a navigation commits once the next page's code has loaded); tests wait on it. */}
      <Layout.Content className="sb-public-content" data-path={pathname}>
        <PendingConsentBanner />
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <SiteFooter />
    </Layout>
  );
}
