import { Empty, List, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getPrivacyCenter } from '../api/consent-api.ts';
import { ItemMeta } from '../../../shared/ui/item-meta.tsx';

/** Consent purposes, third parties and cross-border destinations — empty lists are shown as such. */
export function RecipientsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useApiQuery((signal) => getPrivacyCenter(signal), 'privacy-center');
  const c = query.data;
  return (
    <section id="recipients" className="sb-privacy-section" data-testid="privacy-recipients">
      <h2>{t('consent.center.thirdPartiesTitle')}</h2>
      <p>{t('consent.center.thirdPartiesIntro')}</p>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {!c ? (
        <Skeleton active />
      ) : (
        <>
          <h3>{t('consent.center.thirdParties')}</h3>
          {c.thirdParties.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('consent.center.thirdPartiesEmpty')}
              data-testid="third-parties-empty"
            />
          ) : (
            <List
              dataSource={c.thirdParties}
              data-testid="third-parties"
              renderItem={(p) => (
                <List.Item>
                  <ItemMeta
                    title={
                      <>
                        {p.name[locale]} <Tag>{t(`vendors.roles.${p.role}`)}</Tag>
                      </>
                    }
                    description={[
                      p.purposes.map((x) => t(`codes.purposes.${x}`)).join('、'),
                      p.categories.map((x) => t(`codes.categories.${x}`)).join('、'),
                    ].join(' · ')}
                  />
                </List.Item>
              )}
            />
          )}
          <h3>{t('consent.center.crossBorder')}</h3>
          {c.crossBorder.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('consent.center.crossBorderEmpty')}
              data-testid="cross-border-empty"
            />
          ) : (
            <List dataSource={c.crossBorder} renderItem={(d) => <List.Item>{`${d.country[locale]} · ${d.recipient[locale]}`}</List.Item>} />
          )}
          <h3>{t('consent.center.purposesTitle')}</h3>
          <p className="sb-muted">{t('consent.center.purposesIntro', { days: c.refusalCooldownDays })}</p>
          <List
            dataSource={c.purposes}
            renderItem={(p) => (
              <List.Item>
                <ItemMeta
                  title={
                    <>
                      {p.label[locale]} <Tag>{t(`consent.kinds.${p.kind}`)}</Tag>
                    </>
                  }
                  description={p.description[locale]}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </section>
  );
}
