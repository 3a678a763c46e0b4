import { EyeOutlined, FileProtectOutlined, IdcardOutlined } from '@ant-design/icons';
import { App, Button, Card, Steps } from 'antd';
import type { TBuyerInquiry } from '@sealbridge/contracts';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { buyerApi } from '../api/disclosure-api.ts';
import { CertificateDownload } from './certificate-download.tsx';
import { inquirySteps, type InquiryStepKey } from '../api/inquiry-steps.ts';
import { dayOf } from './disclosure-labels.ts';
import { NdaModal } from './nda-modal.tsx';
import { ProofUpload } from './proof-upload.tsx';

type Props = { inquiry: TBuyerInquiry; onChanged: () => void };

/** The certificate of the buyer's signature (its id comes with the NDA preview once signed). */
function CertificateButton({ inquiry }: { inquiry: TBuyerInquiry }) {
  const preview = useApiQuery((signal) => buyerApi.ndaPreview(inquiry.id, signal), `nda-signed-${inquiry.id}`);
  const signatureId = preview.data?.signatureId;
  return signatureId ? <CertificateDownload signatureId={signatureId} code={inquiry.listingCode} /> : null;
}

/** 实名认证 → 保密协议 → [资金证明] → 卖方单独同意 → 顾问审核 → L1 已开放, each with what to do or what is awaited. */
export function InquiryStepsCard({ inquiry, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [signing, setSigning] = useState(false);
  const p = inquiry.preconditions;
  const l1 = inquiry.levels.find((l) => l.level === 'L1');
  const closed = inquiry.status === 'declined' || inquiry.status === 'withdrawn';

  const content: Record<InquiryStepKey, ReactNode> = {
    verify: p.buyerVerified ? (
      t('disclosure.mine.verifyDone')
    ) : (
      <>
        <p>{t('disclosure.mine.verifyTodo')}</p>
        {!closed && (
          <ButtonLink to="/account/verification" icon={<IdcardOutlined />} data-testid="step-verify">
            {t('disclosure.mine.verifyAction')}
          </ButtonLink>
        )}
      </>
    ),
    nda: p.ndaSigned ? (
      <>
        <p>{t('disclosure.mine.ndaDone')}</p>
        <CertificateButton inquiry={inquiry} />
      </>
    ) : (
      <>
        <p>{t('disclosure.mine.ndaTodo')}</p>
        {!closed && (
          <Button type="primary" icon={<FileProtectOutlined />} onClick={() => setSigning(true)} data-testid="step-nda">
            {t('disclosure.mine.ndaAction')}
          </Button>
        )}
      </>
    ),
    proof: (
      <>
        <p>
          {p.proofOfFunds === 'pending'
            ? t('disclosure.mine.proofPending')
            : p.proofOfFunds === 'approved'
              ? t('disclosure.mine.proofApproved')
              : p.proofOfFunds === 'rejected'
                ? t('disclosure.mine.proofRejected')
                : t('disclosure.mine.proofMissing')}
        </p>
        {!closed && (p.proofOfFunds === 'missing' || p.proofOfFunds === 'rejected') && (
          <ProofUpload
            inquiryId={inquiry.id}
            onUploaded={() => {
              void message.success(t('disclosure.proof.uploaded'));
              onChanged();
            }}
          />
        )}
      </>
    ),
    sellerConsent:
      p.sellerConsentL1 === 'given'
        ? t('disclosure.mine.consentGiven')
        : p.sellerConsentL1 === 'refused'
          ? t('disclosure.mine.consentRefused')
          : p.sellerConsentL1 === 'withdrawn'
            ? t('disclosure.mine.consentWithdrawn')
            : t('disclosure.mine.consentWaiting'),
    review:
      l1?.state === 'declined' ? (
        <>
          {t('disclosure.mine.reviewDeclined')} {l1.decisionReason ? t('disclosure.mine.reason', { reason: l1.decisionReason }) : ''}
        </>
      ) : l1?.state === 'revoked' ? (
        t('disclosure.mine.reviewClosed', { state: t('disclosure.grantStates.revoked') })
      ) : l1 && ['approved', 'consent_withdrawn', 'expired'].includes(l1.state) ? (
        t('disclosure.mine.reviewApproved')
      ) : (
        t('disclosure.mine.reviewWaiting')
      ),
    open: l1?.active ? (
      <>
        <p>{t('disclosure.mine.openActive', { date: dayOf(l1.expiresAt, locale) })}</p>
        <ButtonLink to={`/account/disclosures/${inquiry.listingId}`} type="primary" icon={<EyeOutlined />} data-testid="open-company">
          {t('disclosure.mine.openAction')}
        </ButtonLink>
        <p className="sb-muted sb-step-note">{t('disclosure.mine.recordedNote')}</p>
      </>
    ) : l1 && ['expired', 'revoked', 'consent_withdrawn'].includes(l1.state) ? (
      t('disclosure.mine.reviewClosed', { state: t(`disclosure.grantStates.${l1.state}`) })
    ) : (
      t('disclosure.mine.openPending')
    ),
  };

  const steps = inquirySteps(inquiry);
  // The step to look at: the first not done (or the last, once L1 is open).
  const pending = steps.findIndex((s) => s.status !== 'finish');
  const current = pending < 0 ? steps.length - 1 : pending;
  return (
    <Card title={t('disclosure.mine.stepsTitle')} className="sb-inquiry-steps" data-testid="inquiry-steps">
      <Steps
        orientation="vertical"
        size="small"
        current={current}
        items={steps.map((step) => ({
          key: step.key,
          status: step.status,
          title: (
            <span data-testid={`step-${step.key}-title`} data-status={step.status}>
              {t(`disclosure.mine.steps.${step.key}`)}
            </span>
          ),
          content: <div className="sb-step-content">{content[step.key]}</div>,
        }))}
      />
      {signing && (
        <NdaModal
          inquiryId={inquiry.id}
          onClose={() => setSigning(false)}
          onSigned={() => {
            setSigning(false);
            void message.success(t('disclosure.nda.signed'));
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
