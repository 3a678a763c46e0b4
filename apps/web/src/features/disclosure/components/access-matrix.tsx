import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { GRANT_DEFAULT_DAYS, GRANT_LEVELS } from '@sealbridge/contracts';
import type { TControlPanel, TSellSideInquiry } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { withdrawInquiryConsent } from '../api/disclosure-api.ts';
import { levelLabel } from './disclosure-labels.ts';
import { LevelStateTag } from './level-state-tag.tsx';
import { ReasonModal } from './reason-modal.tsx';
import { BuyerBadge } from './seller-request-card.tsx';

type Buyer = TControlPanel['buyers'][number];
type Level = Buyer['levels'][number];
export type GrantActions = {
  revoke: (grantId: string, reason: string) => Promise<unknown>;
  renew: (grantId: string, days: number) => Promise<unknown>;
};
type Props = { panel: TControlPanel; inquiries: readonly TSellSideInquiry[]; actions: GrantActions; onChanged: () => void };

const revocable = (l: Level) => l.grantId !== null && (l.state === 'approved' || l.state === 'requested');
const renewable = (l: Level) => l.grantId !== null && (l.state === 'approved' || l.state === 'expired');

/**
 * Who can see what: buyers × L1/L2/L3 with state and "until", one-click revoke (reason optional, confirmed) and
 * renew, and the seller's consent naming each buyer, whose withdrawal closes everything at once.
 */
export function AccessMatrix({ panel, inquiries, actions, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const [revoking, setRevoking] = useState<{ buyer: Buyer; level: Level } | undefined>(undefined);
  const byInquiry = new Map(inquiries.map((i) => [i.id, i]));

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      onChanged();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };
  const renew = (buyer: Buyer, level: Level) =>
    modal.confirm({
      title: t('disclosure.panel.renewTitle', { alias: buyer.buyerAlias, level: level.level, days: GRANT_DEFAULT_DAYS }),
      content: t('disclosure.panel.renewBody'),
      okText: t('disclosure.panel.renewOk'),
      okButtonProps: { 'data-testid': 'renew-confirm' },
      cancelText: t('disclosure.cancel'),
      onOk: () => run(() => actions.renew(level.grantId ?? '', GRANT_DEFAULT_DAYS), t('disclosure.panel.renewed')),
    });
  const withdraw = (buyer: Buyer) =>
    modal.confirm({
      title: t('disclosure.seller.withdrawTitle', { alias: buyer.buyerAlias }),
      content: t('disclosure.seller.withdrawBody', { alias: buyer.buyerAlias }),
      okText: t('disclosure.seller.withdrawOk'),
      okButtonProps: { danger: true, 'data-testid': 'withdraw-consent-confirm' },
      cancelText: t('disclosure.cancel'),
      onOk: () => run(() => withdrawInquiryConsent(buyer.inquiryId, 'L1'), t('disclosure.seller.withdrawnDone')),
    });

  if (panel.buyers.length === 0) return <Alert type="info" showIcon title={t('disclosure.panel.empty')} data-testid="access-empty" />;
  return (
    <div className="sb-matrix" data-testid="access-matrix" role="table" aria-label={t('disclosure.panel.title')}>
      <div className="sb-matrix-row sb-matrix-head" role="row">
        <div className="sb-matrix-cell" role="columnheader">
          {t('disclosure.panel.buyer')}
        </div>
        {GRANT_LEVELS.map((level) => (
          <div key={level} className="sb-matrix-cell" role="columnheader">
            {levelLabel(level, locale)}
          </div>
        ))}
      </div>
      {panel.buyers.map((buyer) => {
        const inquiry = byInquiry.get(buyer.inquiryId);
        const consent = inquiry?.preconditions.sellerConsentL1;
        const withdrawn = consent === 'withdrawn' || buyer.levels.some((l) => l.level === 'L1' && l.state === 'consent_withdrawn');
        return (
          <div
            key={buyer.inquiryId}
            className="sb-matrix-row"
            role="row"
            data-testid="access-row"
            data-buyer-alias={buyer.buyerAlias}
            data-consent={consent ?? ''}
          >
            <div className="sb-matrix-cell sb-matrix-buyer" role="rowheader">
              <BuyerBadge inquiry={buyer} />
              {consent === 'given' && (
                <Button size="small" danger icon={<StopOutlined />} onClick={() => withdraw(buyer)} data-testid="panel-withdraw-consent">
                  {t('disclosure.panel.withdrawConsent')}
                </Button>
              )}
            </div>
            {buyer.levels.map((l) => (
              <div key={l.level} className="sb-matrix-cell" role="cell" data-testid={`access-${l.level}`} data-state={l.state}>
                <span className="sb-matrix-level-name">{levelLabel(l.level, locale)}</span>
                <LevelStateTag level={l} />
                {l.decisionReason && <span className="sb-muted">{t('disclosure.mine.reason', { reason: l.decisionReason })}</span>}
                <Space size={4} wrap>
                  {revocable(l) && (
                    <Button size="small" danger onClick={() => setRevoking({ buyer, level: l })} data-testid={`revoke-${l.level}`}>
                      {t('disclosure.panel.revoke')}
                    </Button>
                  )}
                  {renewable(l) && (
                    <Button size="small" onClick={() => renew(buyer, l)} data-testid={`renew-${l.level}`}>
                      {t('disclosure.panel.renew', { days: GRANT_DEFAULT_DAYS })}
                    </Button>
                  )}
                </Space>
              </div>
            ))}
            {withdrawn && (
              <Alert
                type="error"
                showIcon
                className="sb-matrix-withdrawn"
                banner
                title={t('disclosure.panel.consentWithdrawn')}
                data-testid="access-consent-withdrawn"
              />
            )}
          </div>
        );
      })}
      {revoking && (
        <ReasonModal
          title={t('disclosure.panel.revokeTitle', { alias: revoking.buyer.buyerAlias, level: revoking.level.level })}
          label={t('disclosure.panel.revokeReason')}
          required={false}
          danger
          okText={t('disclosure.panel.revokeOk')}
          extra={
            revoking.level.level === 'L1' ? (
              <Alert type="warning" showIcon title={t('disclosure.panel.revokeL1Note')} className="sb-inquiry-alert" />
            ) : undefined
          }
          onSubmit={async (reason) => {
            await actions.revoke(revoking.level.grantId ?? '', reason);
            void message.success(t('disclosure.panel.revoked'));
            onChanged();
          }}
          onClose={() => setRevoking(undefined)}
        />
      )}
    </div>
  );
}
