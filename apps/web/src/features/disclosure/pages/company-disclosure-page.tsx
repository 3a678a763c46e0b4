import '../disclosure.css';
import { ArrowLeftOutlined, AuditOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Skeleton, Tag } from 'antd';
import type { TL1Disclosure } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { buyerApi } from '../api/disclosure-api.ts';
import { dayOf } from '../components/disclosure-labels.ts';
import { RevealedText } from '../components/revealed-text.tsx';

function CompanyView({ view }: { view: TL1Disclosure }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = view.facts;
  const none = t('disclosure.company.absent');
  const wan = (v: number | null) =>
    v === null ? none : t('disclosure.wan', { amount: locale === 'en' ? (v * 10_000).toLocaleString('en') : String(v) });
  return (
    <>
      <p>
        <Tag data-testid="company-listing">{t('listing.code', { code: view.listingCode })}</Tag>
      </p>
      <Alert
        type="warning"
        showIcon
        icon={<AuditOutlined />}
        className="sb-inquiry-alert"
        title={t('disclosure.company.notice', { date: dayOf(view.expiresAt, locale) })}
        data-testid="company-notice"
      />
      <div className="sb-company-grid">
        <Card title={t('disclosure.company.identity')}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('disclosure.fields.listing_companies.company_name')}>
              <RevealedText value={view.company.name} testId="company-name" />
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosure.fields.listing_companies.credit_code')}>
              <RevealedText value={view.company.creditCode} testId="company-credit-code" />
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosure.fields.listing_companies.legal_representative')}>
              <RevealedText value={view.company.legalRepresentative} />
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosure.fields.listing_companies.shareholders')}>
              {view.company.shareholders.length
                ? view.company.shareholders.join(t('disclosure.listSeparator'))
                : t('disclosure.company.noShareholders')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('disclosure.company.finance')}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('disclosure.facts.establishedOn')}>{f.establishedOn ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.facts.district')}>{f.district ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.facts.registeredCapitalWan')}>{wan(f.registeredCapitalWan)}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.facts.paidInCapitalWan')}>{wan(f.paidInCapitalWan)}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.facts.taxCreditGrade')}>{f.taxCreditGrade ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.facts.filingKind')}>
              {f.filingKind === 'zero' || f.filingKind === 'real' ? t(`market.detail.filingKinds.${f.filingKind}`) : (f.filingKind ?? none)}
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosure.facts.bankAccount')}>{f.bankAccount ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.facts.socialInsuranceHeadcount')}>
              {f.socialInsuranceHeadcount ?? none}
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosure.facts.ipCounts')}>{t('disclosure.ipCounts', f.ipCounts)}</Descriptions.Item>
          </Descriptions>
        </Card>
      </div>
    </>
  );
}

/** Loads L1 on every visit (each one a recorded opening); a refusal (expired, revoked, consent withdrawn) is shown by code. */
function CompanyDisclosure({ listingId }: { listingId: string }) {
  const query = useApiQuery((signal) => buyerApi.company(listingId, signal), `l1-${listingId}`);
  if (query.error !== undefined) return <ApiErrorAlert error={query.error} onRetry={query.reload} testId="company-error" />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <CompanyView view={query.data} />;
}

/** `/account/disclosures/:listingId` — L1: the company's identity and financial summary, opened for this buyer. */
export function CompanyDisclosurePage() {
  const { t } = useTranslation();
  const { listingId = '' } = useParams();
  useDocumentTitle('companyDisclosure');
  return (
    <div className="sb-container sb-page" data-testid="company-page">
      <ButtonLink type="link" to="/account/inquiries" icon={<ArrowLeftOutlined />} className="sb-back-link">
        {t('disclosure.mine.back')}
      </ButtonLink>
      <header className="sb-page-header">
        <h1>{t('disclosure.company.title')}</h1>
      </header>
      <CustomerGate path={`/account/disclosures/${listingId}`} errorTestId="company-gate-error">
        <CompanyDisclosure listingId={listingId} />
      </CustomerGate>
    </div>
  );
}
