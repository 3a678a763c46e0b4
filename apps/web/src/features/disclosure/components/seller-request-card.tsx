import { CheckOutlined, CloseOutlined, PhoneOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag } from 'antd';
import type { TSellSideInquiry } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { sellerDisclosureApi, withdrawInquiryConsent } from '../api/disclosure-api.ts';
import { INQUIRY_STATUS_COLORS } from '../pages/my-inquiries-page.tsx';
import { CertificateDownload } from './certificate-download.tsx';
import { ConsentDialog } from './consent-dialog.tsx';
import { ContactsModal } from './contacts-modal.tsx';
import { sellerConsentLines } from './disclosure-labels.ts';
import { LevelStateTag } from './level-state-tag.tsx';
import { ReasonModal } from './reason-modal.tsx';
import { RequestFacts } from './request-facts.tsx';

type Props = { inquiry: TSellSideInquiry; onChanged: () => void };

/** A buyer's alias with the verification badge, as the sell side sees it. */
export function BuyerBadge({ inquiry }: { inquiry: Pick<TSellSideInquiry, 'buyerAlias' | 'buyerVerified'> }) {
  const { t } = useTranslation();
  return (
    <Space size={6} wrap>
      <span data-testid="buyer-alias">{t('disclosure.alias', { alias: inquiry.buyerAlias })}</span>
      <Tag
        color={inquiry.buyerVerified ? 'green' : 'default'}
        icon={inquiry.buyerVerified ? <SafetyCertificateOutlined /> : undefined}
        data-testid="buyer-verified"
        data-verified={String(inquiry.buyerVerified)}
      >
        {inquiry.buyerVerified ? t('disclosure.verified') : t('disclosure.unverified')}
      </Tag>
    </Space>
  );
}

/**
 * One buyer request on the seller's side: the buyer by alias and bands; accept or decline with a reason; the separate
 * consents naming this buyer (L1, L3) given, refused or withdrawn here; L3 contacts when open.
 */
export function SellerRequestCard({ inquiry, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const [declining, setDeclining] = useState(false);
  const [consenting, setConsenting] = useState<'L1' | 'L3' | undefined>(undefined);
  const [contacts, setContacts] = useState(false);
  const p = inquiry.preconditions;
  const closed = inquiry.status === 'declined' || inquiry.status === 'withdrawn';
  const l3 = inquiry.levels.find((l) => l.level === 'L3');
  const l3Asked = Boolean(l3 && l3.state !== 'none') || p.buyerConsentL3 === 'given';

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      onChanged();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };
  const withdraw = (level: 'L1' | 'L3') =>
    modal.confirm({
      title: t('disclosure.seller.withdrawTitle', { alias: inquiry.buyerAlias }),
      content:
        level === 'L1' ? t('disclosure.seller.withdrawBody', { alias: inquiry.buyerAlias }) : t('disclosure.consentDialog.withdrawL3'),
      okText: t('disclosure.seller.withdrawOk'),
      okButtonProps: { danger: true, 'data-testid': 'withdraw-consent-confirm' },
      cancelText: t('disclosure.cancel'),
      onOk: () => act(() => withdrawInquiryConsent(inquiry.id, level), t('disclosure.seller.withdrawnDone')),
    });

  const consentButton = (level: 'L1' | 'L3') => {
    const state = level === 'L1' ? p.sellerConsentL1 : p.sellerConsentL3;
    if (state === 'given') {
      return (
        <Button key={`w${level}`} danger onClick={() => withdraw(level)} data-testid={`seller-withdraw-${level}`}>
          {t('disclosure.seller.withdrawConsent')} ({level})
        </Button>
      );
    }
    return (
      <Button
        key={`c${level}`}
        type={level === 'L1' ? 'primary' : 'default'}
        icon={<SafetyCertificateOutlined />}
        onClick={() => setConsenting(level)}
        data-testid={`seller-consent-${level}`}
      >
        {level === 'L1' ? t('disclosure.seller.consentL1') : t('disclosure.seller.consentL3')}
      </Button>
    );
  };

  return (
    <Card
      className="sb-request-card"
      data-testid="buyer-request"
      data-inquiry-id={inquiry.id}
      data-buyer-alias={inquiry.buyerAlias}
      title={<BuyerBadge inquiry={inquiry} />}
      extra={
        <Tag color={INQUIRY_STATUS_COLORS[inquiry.status]} data-testid="request-status">
          {t(`disclosure.inquiryStatuses.${inquiry.status}`)}
        </Tag>
      }
    >
      <p className="sb-muted">
        {t('listing.code', { code: inquiry.listingCode })} · {inquiry.listingTitle}
      </p>
      <RequestFacts inquiry={inquiry} />
      {inquiry.decisionReason && <p className="sb-muted">{t('disclosure.mine.reason', { reason: inquiry.decisionReason })}</p>}
      <Space wrap size={[8, 8]} className="sb-request-states">
        <span>
          {t('disclosure.seller.nda')}:{' '}
          <Tag color={p.ndaSigned ? 'green' : 'default'}>
            {p.ndaSigned ? t('disclosure.seller.ndaSigned') : t('disclosure.seller.ndaUnsigned')}
          </Tag>
        </span>
        {p.proofOfFunds !== 'not_required' && (
          <span>
            {t('disclosure.seller.proof')}: <Tag>{t(`disclosure.proofStates.${p.proofOfFunds}`)}</Tag>
          </span>
        )}
        <span data-testid="seller-consent-l1-state" data-state={p.sellerConsentL1}>
          {t('disclosure.seller.consentL1State', { state: t(`disclosure.consentStates.${p.sellerConsentL1}`) })}
        </span>
        {l3Asked && <span>{t('disclosure.seller.consentL3State', { state: t(`disclosure.consentStates.${p.sellerConsentL3}`) })}</span>}
      </Space>
      <Space wrap size={[8, 8]} className="sb-request-levels">
        {inquiry.levels.map((l) => (
          <span key={l.level} className="sb-level-chip">
            <strong>{l.level}</strong> <LevelStateTag level={l} testId={`request-level-${l.level}`} />
          </span>
        ))}
      </Space>
      <div className="sb-request-actions">
        {inquiry.status === 'open' && (
          <Button
            icon={<CheckOutlined />}
            onClick={() => void act(() => sellerDisclosureApi.decide(inquiry.id, 'accept', ''), t('disclosure.seller.accepted'))}
            data-testid="seller-accept"
          >
            {t('disclosure.seller.accept')}
          </Button>
        )}
        {!closed && consentButton('L1')}
        {!closed && l3Asked && consentButton('L3')}
        {l3?.active && (
          <Button icon={<PhoneOutlined />} onClick={() => setContacts(true)} data-testid="seller-contacts">
            {t('disclosure.seller.contacts')}
          </Button>
        )}
        {inquiry.ndaSignatureId && <CertificateDownload signatureId={inquiry.ndaSignatureId} code={inquiry.listingCode} />}
        <ButtonLink to={`/account/listings/${inquiry.listingId}/access`} icon={<SettingOutlined />} data-testid="seller-manage">
          {t('disclosure.seller.manage')}
        </ButtonLink>
        {(inquiry.status === 'open' || inquiry.status === 'accepted') && (
          <Button danger icon={<CloseOutlined />} onClick={() => setDeclining(true)} data-testid="seller-decline">
            {t('disclosure.seller.decline')}
          </Button>
        )}
      </div>
      {declining && (
        <ReasonModal
          title={t('disclosure.seller.declineTitle', { alias: inquiry.buyerAlias })}
          label={t('disclosure.seller.declineReason')}
          required
          danger
          okText={t('disclosure.seller.decline')}
          onSubmit={async (reason) => {
            await sellerDisclosureApi.decide(inquiry.id, 'decline', reason);
            void message.success(t('disclosure.seller.declined'));
            onChanged();
          }}
          onClose={() => setDeclining(false)}
        />
      )}
      {consenting && (
        <ConsentDialog
          level={consenting}
          lines={sellerConsentLines(
            { alias: inquiry.buyerAlias, verified: inquiry.buyerVerified, code: inquiry.listingCode, level: consenting },
            t,
            locale,
          )}
          send={(body) => sellerDisclosureApi.consent(inquiry.id, body)}
          onClose={() => setConsenting(undefined)}
          onDone={(decision) => {
            setConsenting(undefined);
            void message.success(decision === 'given' ? t('disclosure.consentDialog.given') : t('disclosure.consentDialog.refused'));
            onChanged();
          }}
        />
      )}
      {contacts && (
        <ContactsModal
          title={t('disclosure.seller.contactsTitle', { alias: inquiry.buyerAlias })}
          note={t('disclosure.seller.contactsNote')}
          load={() => sellerDisclosureApi.contacts(inquiry.id)}
          onClose={() => setContacts(false)}
        />
      )}
    </Card>
  );
}
