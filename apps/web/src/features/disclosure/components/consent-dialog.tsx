import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import type { TDisclosureConsentRequest } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { textHash } from '../../privacy/api/consent-api.ts';
import { currentNoticeVersion } from '../api/disclosure-api.ts';

type Props = {
  /** The statement, line by line, exactly as shown; its SHA-256 (lines joined by \n) goes with the decision. */
  lines: string[];
  level: 'L1' | 'L3';
  send: (body: TDisclosureConsentRequest) => Promise<unknown>;
  onDone: (decision: 'given' | 'refused') => void;
  onClose: () => void;
  /** Label of the "consent" button (e.g. 同意并申请 when giving it also sends a request). */
  giveLabel?: string;
};

/**
 * A separate consent naming the other side (PIPL Art. 23): the statement shown word for word, consent and refusal
 * equally easy, both recorded with the hash of the text and the notice version in force.
 */
export function ConsentDialog({ lines, level, send, onDone, onClose, giveLabel }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'given' | 'refused' | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [title, ...body] = lines;

  const decide = async (decision: 'given' | 'refused') => {
    setBusy(decision);
    setError(undefined);
    try {
      const [noticeVersion, uiTextHash] = await Promise.all([currentNoticeVersion(), textHash(lines.join('\n'))]);
      await send({ level, decision, noticeVersion, uiTextHash });
      onDone(decision);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Modal
      open
      title={
        <>
          <SafetyCertificateOutlined /> {title}
        </>
      }
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={[
        <Button
          key="refuse"
          loading={busy === 'refused'}
          disabled={busy === 'given'}
          onClick={() => void decide('refused')}
          data-testid="consent-refuse"
        >
          {t('disclosure.consentDialog.refuse')}
        </Button>,
        <Button
          key="give"
          type="primary"
          loading={busy === 'given'}
          disabled={busy === 'refused'}
          onClick={() => void decide('given')}
          data-testid="consent-give"
        >
          {giveLabel ?? t('disclosure.consentDialog.give')}
        </Button>,
      ]}
    >
      <div className="sb-consent-statement" data-testid="consent-statement">
        {body.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {error !== undefined && <ApiErrorAlert error={error} testId="consent-error" />}
    </Modal>
  );
}
