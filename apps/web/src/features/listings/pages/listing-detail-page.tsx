import { HeartFilled, HeartOutlined } from '@ant-design/icons';
import { App, Button, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { rolesAllow } from '@sealbridge/contracts';
import { useSession } from '../../auth/session/session-context.ts';
import { errorCodeOf, errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { PageSpinner } from '../../../shared/ui/page-spinner.tsx';
import { InquiryPanel } from '../../disclosure/components/inquiry-panel.tsx';
import { getListing, watchApi } from '../api/listings-api.ts';
import { TeaserDetail } from '../components/teaser-detail.tsx';
import { StartDealButton } from '../../deals/components/start-deal-button.tsx';

/** /listings/:code — the stable public page of one listing: the teaser only, titled with the listing's title. */
export function ListingDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { code = '' } = useParams();
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const query = useApiQuery((signal) => getListing(code, signal), code);
  // The ♥ shows what the server remembers: a reload or another device shows the listing as saved.
  const canWatch = session.account ? rolesAllow(session.account.roles, 'listings.watch') : false;
  useEffect(() => {
    if (!canWatch) return;
    const controller = new AbortController();
    watchApi.favorites(controller.signal).then(
      (favorites) => setSaved(favorites.items.some((item) => item.code === code)),
      () => undefined,
    );
    return () => controller.abort();
  }, [canWatch, code]);
  useEffect(() => {
    if (!query.data) return;
    document.title = `${query.data.title} — ${t('brand.titleSuffix')}`;
    // Search results show the teaser — and only the teaser: its title, region band and industry.
    const meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    const before = meta?.content;
    const region = query.data.city === query.data.province ? query.data.city : `${query.data.province}${query.data.city}`;
    if (meta) meta.content = `${query.data.title} · ${region} · ${query.data.industry}`;
    return () => {
      if (meta && before !== undefined) meta.content = before;
    };
  }, [query.data, t]);

  if (query.loading && !query.data) return <PageSpinner />;
  if (query.error) {
    return errorCodeOf(query.error) === 'NOT_FOUND' ? (
      <Result status="404" title={t('market.detail.notFound')} extra={<Link to="/listings">{t('market.detail.back')}</Link>} />
    ) : (
      <div className="sb-container sb-page">
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
      </div>
    );
  }
  if (!query.data) return null;
  const toggle = async () => {
    try {
      await watchApi.setFavorite(code, !saved);
      setSaved(!saved);
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };
  return (
    <div className="sb-container sb-page">
      <p>
        <Link to="/listings">← {t('market.detail.back')}</Link>
      </p>
      <div className="sb-listing-detail">
        <TeaserDetail teaser={query.data} />
        <aside className="sb-listing-aside">
          <InquiryPanel code={query.data.code} />
          {session.account?.roles.includes('buyer') && <StartDealButton listingId={query.data.id} />}
          {canWatch ? (
            <Button block icon={saved ? <HeartFilled /> : <HeartOutlined />} onClick={() => void toggle()} data-testid="favorite">
              {saved ? t('market.detail.unfavorite') : t('market.detail.favorite')}
            </Button>
          ) : session.account ? null : (
            <Link to="/login" state={{ from: `/listings/${query.data.code}` }}>
              {t('market.detail.signInToSave')}
            </Link>
          )}
        </aside>
      </div>
    </div>
  );
}
