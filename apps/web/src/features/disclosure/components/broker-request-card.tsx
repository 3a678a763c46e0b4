import { CheckOutlined, CloseOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, InputNumber, Tag } from 'antd';
import { DISCLOSURE_PRECONDITION_CODES, GRANT_DEFAULT_DAYS } from '@sealbridge/contracts';
import type { DisclosurePrecondition, GrantLevel, TLevelState, TSellSideInquiry } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../shared/api/api-error.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { StartDealButton } from '../../deals/components/start-deal-button.tsx';
import { brokerDisclosureApi } from '../api/broker-disclosure-api.ts';
import { INQUIRY_STATUS_COLORS } from '../pages/my-inquiries-page.tsx';
import { CertificateDownload } from './certificate-download.tsx';
import { levelLabel } from './disclosure-labels.ts';
import { LevelStateTag } from './level-state-tag.tsx';
import { PreconditionsList } from './preconditions-list.tsx';
import { ProofReviewModal } from './proof-review-modal.tsx';
import { ReasonModal } from './reason-modal.tsx';
import { RequestFacts } from './request-facts.tsx';
import { BuyerBadge } from './seller-request-card.tsx';

type Props = { inquiry: TSellSideInquiry; grantIds: ReadonlyMap<GrantLevel, string>; onChanged: () => void };
type Asking = { kind: 'declineGrant'; level: GrantLevel } | { kind: 'revoke'; level: GrantLevel } | { kind: 'declineInquiry' };

/** The precondition codes of a refused approval (DISCLOSURE_PRECONDITIONS `details.missing`), known codes only. */
function missingOf(error: unknown): DisclosurePrecondition[] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'DISCLOSURE_PRECONDITIONS') return undefined;
  const missing = error.details?.['missing'];
  return Array.isArray(missing)
    ? missing.filter((m): m is DisclosurePrecondition => (DISCLOSURE_PRECONDITION_CODES as readonly string[]).includes(m))
    : [];
}

/** One request in the adviser's queue: preconditions, each level's decision, the proof of funds, the NDA certificate. */
export function BrokerRequestCard({ inquiry, grantIds, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [days, setDays] = useState<number>(GRANT_DEFAULT_DAYS);
  const [missing, setMissing] = useState<{ level: GrantLevel; codes: DisclosurePrecondition[] } | undefined>(undefined);
  const [asking, setAsking] = useState<Asking | undefined>(undefined);
  const [proof, setProof] = useState(false);
  const closed = inquiry.status === 'declined' || inquiry.status === 'withdrawn';

  const act = async (level: GrantLevel | undefined, work: () => Promise<unknown>, done: string) => {
    setMissing(undefined);
    try {
      await work();
      void message.success(done);
      onChanged();
    } catch (error) {
      const codes = missingOf(error);
      if (codes && level) setMissing({ level, codes });
      else void message.error(errorText(error, locale));
    }
  };
  const grant = (level: GrantLevel) => grantIds.get(level) ?? '';

  const levelActions = (l: TLevelState) => {
    const buttons = [];
    if (l.state === 'requested' && !closed) {
      buttons.push(
        <Button
          key="approve"
          type="primary"
          size="small"
          icon={<CheckOutlined />}
          onClick={() =>
            void act(l.level, () => brokerDisclosureApi.decideGrant(grant(l.level), 'approve', '', days), t('disclosure.broker.approved'))
          }
          data-testid={`approve-${l.level}`}
        >
          {t('disclosure.broker.approve')}
        </Button>,
        <Button
          key="decline"
          size="small"
          danger
          onClick={() => setAsking({ kind: 'declineGrant', level: l.level })}
          data-testid={`decline-${l.level}`}
        >
          {t('disclosure.broker.decline')}
        </Button>,
      );
    }
    if (l.state === 'approved') {
      buttons.push(
        <Button
          key="revoke"
          size="small"
          danger
          onClick={() => setAsking({ kind: 'revoke', level: l.level })}
          data-testid={`broker-revoke-${l.level}`}
        >
          {t('disclosure.panel.revoke')}
        </Button>,
      );
    }
    if (l.level === 'L1' && l.state === 'approved' && grant('L1')) {
      buttons.push(<StartDealButton key="deal" listingId={inquiry.listingId} grantId={grant('L1')} />);
    }
    if ((l.state === 'approved' || l.state === 'expired') && !closed) {
      buttons.push(
        <Button
          key="renew"
          size="small"
          onClick={() => void act(l.level, () => brokerDisclosureApi.renew(grant(l.level), days), t('disclosure.panel.renewed'))}
          data-testid={`broker-renew-${l.level}`}
        >
          {t('disclosure.panel.renew', { days })}
        </Button>,
      );
    }
    return buttons;
  };

  return (
    <Card
      className="sb-request-card"
      data-testid="broker-request"
      data-inquiry-id={inquiry.id}
      data-buyer-alias={inquiry.buyerAlias}
      title={
        <span>
          {inquiry.listingCode} · <BuyerBadge inquiry={inquiry} />
        </span>
      }
      extra={<Tag color={INQUIRY_STATUS_COLORS[inquiry.status]}>{t(`disclosure.inquiryStatuses.${inquiry.status}`)}</Tag>}
    >
      <p className="sb-muted">{inquiry.listingTitle}</p>
      <RequestFacts inquiry={inquiry} />
      <h2 className="sb-card-subtitle">{t('disclosure.broker.preconditions')}</h2>
      <PreconditionsList inquiry={inquiry} />
      <h2 className="sb-card-subtitle">
        {t('disclosure.broker.levels')}
        <span className="sb-days">
          {t('disclosure.broker.days')}{' '}
          <InputNumber
            size="small"
            min={1}
            max={180}
            value={days}
            onChange={(v) => setDays(v ?? GRANT_DEFAULT_DAYS)}
            data-testid="grant-days"
            aria-label={t('disclosure.broker.days')}
          />
        </span>
      </h2>
      {inquiry.levels.map((l) => (
        <div key={l.level} className="sb-broker-level" data-testid={`broker-level-${l.level}`} data-state={l.state}>
          <span className="sb-broker-level-name">{levelLabel(l.level, locale)}</span>
          <LevelStateTag level={l} />
          {levelActions(l)}
          {missing?.level === l.level && (
            <Alert
              type="warning"
              showIcon
              className="sb-missing"
              title={t('disclosure.broker.missingTitle')}
              description={
                <ul className="sb-findings" data-testid="approval-missing">
                  {missing.codes.map((code) => (
                    <li key={code} data-missing={code}>
                      {t(`disclosure.missing.${code}`)}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      ))}
      <div className="sb-request-actions">
        {inquiry.status === 'open' && (
          <Button
            onClick={() =>
              void act(undefined, () => brokerDisclosureApi.decideInquiry(inquiry.id, 'accept', ''), t('disclosure.seller.accepted'))
            }
            data-testid="broker-accept"
          >
            {t('disclosure.broker.acceptInquiry')}
          </Button>
        )}
        {(inquiry.status === 'open' || inquiry.status === 'accepted') && (
          <Button
            danger
            icon={<CloseOutlined />}
            onClick={() => setAsking({ kind: 'declineInquiry' })}
            data-testid="broker-decline-inquiry"
          >
            {t('disclosure.broker.declineInquiry')}
          </Button>
        )}
        {inquiry.proofOfFundsId && inquiry.preconditions.proofOfFunds !== 'not_required' && (
          <Button icon={<FileSearchOutlined />} onClick={() => setProof(true)} data-testid="proof-open">
            {t('disclosure.broker.proofOpen')} · {t(`disclosure.proofStates.${inquiry.preconditions.proofOfFunds}`)}
          </Button>
        )}
        {inquiry.ndaSignatureId && <CertificateDownload signatureId={inquiry.ndaSignatureId} code={inquiry.listingCode} />}
      </div>
      {asking && (
        <ReasonModal
          title={
            asking.kind === 'declineInquiry'
              ? t('disclosure.seller.declineTitle', { alias: inquiry.buyerAlias })
              : asking.kind === 'revoke'
                ? t('disclosure.panel.revokeTitle', { alias: inquiry.buyerAlias, level: asking.level })
                : t('disclosure.broker.declineTitle', { alias: inquiry.buyerAlias, level: asking.level })
          }
          label={asking.kind === 'revoke' ? t('disclosure.panel.revokeReason') : t('disclosure.broker.declineReason')}
          required={asking.kind !== 'revoke'}
          danger
          okText={asking.kind === 'revoke' ? t('disclosure.panel.revokeOk') : t('disclosure.broker.decline')}
          onSubmit={async (reason) => {
            if (asking.kind === 'declineInquiry') await brokerDisclosureApi.decideInquiry(inquiry.id, 'decline', reason);
            else if (asking.kind === 'revoke') await brokerDisclosureApi.revoke(grant(asking.level), reason);
            else await brokerDisclosureApi.decideGrant(grant(asking.level), 'decline', reason, days);
            void message.success(t('disclosure.done'));
            onChanged();
          }}
          onClose={() => setAsking(undefined)}
        />
      )}
      {proof && <ProofReviewModal inquiry={inquiry} onReviewed={onChanged} onClose={() => setProof(false)} />}
    </Card>
  );
}
