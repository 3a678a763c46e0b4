import { AuditOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Skeleton } from 'antd';
import type { TSellSideInquiry } from '@sealbridge/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { BlobDocument } from '../../../shared/ui/blob-document.tsx';
import { isStepUpCancelled } from '../../security/api/step-up-retry.ts';
import { useStepUp } from '../../security/step-up/step-up-context.ts';
import { brokerDisclosureApi, type TProofDocument } from '../api/broker-disclosure-api.ts';
import { ReasonModal } from './reason-modal.tsx';

type Props = { inquiry: TSellSideInquiry; onReviewed: () => void; onClose: () => void };

/**
 * The adviser opens a proof of funds (audited, after a recent step-up) and approves or sends it back. The document is
 * shown from the bytes in this dialog's state; closing the dialog drops them and revokes the blob: URL.
 */
export function ProofReviewModal({ inquiry, onReviewed, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const proofId = inquiry.proofOfFundsId ?? '';
  const [doc, setDoc] = useState<TProofDocument | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [rejecting, setRejecting] = useState(false);
  const pending = inquiry.preconditions.proofOfFunds === 'pending';

  useEffect(() => {
    let live = true;
    withStepUp(() => brokerDisclosureApi.revealProof(proofId)).then(
      (opened) => live && setDoc(opened),
      (failure: unknown) => {
        if (!live) return;
        if (isStepUpCancelled(failure)) onClose();
        else setError(failure);
      },
    );
    return () => {
      live = false;
    };
    // Opened once per dialog; a new dialog is mounted for another document.
  }, [proofId]);

  const approve = async () => {
    try {
      await brokerDisclosureApi.reviewProof(proofId, 'approve', '');
      void message.success(t('disclosure.broker.proofReviewed'));
      onReviewed();
      onClose();
    } catch (failure) {
      void message.error(errorText(failure, locale));
    }
  };

  return (
    <Modal
      open
      width={820}
      title={t('disclosure.broker.proofTitle', { alias: inquiry.buyerAlias })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('disclosure.close')}
        </Button>,
        ...(pending && doc
          ? [
              <Button key="reject" danger icon={<CloseOutlined />} onClick={() => setRejecting(true)} data-testid="proof-reject">
                {t('disclosure.broker.proofReject')}
              </Button>,
              <Button key="approve" type="primary" icon={<CheckOutlined />} onClick={() => void approve()} data-testid="proof-approve">
                {t('disclosure.broker.proofApprove')}
              </Button>,
            ]
          : []),
      ]}
    >
      <Alert type="warning" showIcon icon={<AuditOutlined />} title={t('disclosure.broker.proofNotice')} className="sb-inquiry-alert" />
      {error !== undefined && <ApiErrorAlert error={error} testId="proof-open-error" />}
      {!doc && error === undefined && <Skeleton active paragraph={{ rows: 6 }} />}
      {doc && (
        <BlobDocument
          mediaType={doc.mediaType}
          contentBase64={doc.contentBase64}
          title={t('disclosure.broker.proofTitle', { alias: inquiry.buyerAlias })}
          unsupported={t('disclosure.broker.proofUnsupported')}
        />
      )}
      {rejecting && (
        <ReasonModal
          title={t('disclosure.broker.proofRejectTitle', { alias: inquiry.buyerAlias })}
          label={t('disclosure.broker.declineReason')}
          required
          danger
          okText={t('disclosure.broker.proofReject')}
          onSubmit={async (reason) => {
            await brokerDisclosureApi.reviewProof(proofId, 'reject', reason);
            void message.success(t('disclosure.broker.proofReviewed'));
            onReviewed();
            onClose();
          }}
          onClose={() => setRejecting(false)}
        />
      )}
    </Modal>
  );
}
