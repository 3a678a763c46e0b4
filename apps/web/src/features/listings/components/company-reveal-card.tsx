import { AuditOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions } from 'antd';
import type { ZListingCompanyReveal } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { isStepUpCancelled } from '../../security/api/step-up-retry.ts';
import { useStepUp } from '../../security/step-up/step-up-context.ts';
import { brokerApi } from '../api/listings-api.ts';

export type TCompanyReveal = ReturnType<typeof ZListingCompanyReveal.parse>;
type Props = { listingId: string; revealed: TCompanyReveal | undefined; onRevealed: (company: TCompanyReveal) => void };

/**
 * 查看公司身份（核对工商登记）: the reviewing broker opens the company behind the listing (purpose listing_review, after a
 * recent step-up, in the seller's access log) to check it against the registry; the values live in the drawer only.
 */
export function CompanyRevealCard({ listingId, revealed, onRevealed }: Props) {
  const { t } = useTranslation();
  const withStepUp = useStepUp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const reveal = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onRevealed(await withStepUp(() => brokerApi.revealCompany(listingId)));
    } catch (failure) {
      if (!isStepUpCancelled(failure)) setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" className="sb-company-reveal" data-testid="company-reveal">
      {revealed ? (
        <>
          <h3>{t('disclosure.review.revealedTitle')}</h3>
          <Descriptions column={1} size="small" data-testid="company-revealed">
            <Descriptions.Item label={t('disclosure.fields.listing_companies.company_name')}>
              <span data-testid="revealed-company-name">{revealed.name ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosure.fields.listing_companies.credit_code')}>{revealed.creditCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.fields.listing_companies.legal_representative')}>
              {revealed.legalRepresentative ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('disclosure.fields.listing_companies.shareholders')}>
              {revealed.shareholders.join(t('disclosure.listSeparator')) || '—'}
            </Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        <>
          <Button icon={<EyeOutlined />} loading={busy} onClick={() => void reveal()} data-testid="company-reveal-button">
            {t('disclosure.review.reveal')}
          </Button>
          <Alert
            type="info"
            showIcon
            icon={<AuditOutlined />}
            title={t('disclosure.review.revealHint')}
            className="sb-company-reveal-hint"
          />
        </>
      )}
      {error !== undefined && <ApiErrorAlert error={error} testId="company-reveal-error" />}
    </Card>
  );
}
