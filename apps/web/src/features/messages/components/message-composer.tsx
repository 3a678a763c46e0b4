import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { MESSAGE_MAX_CHARS } from '@sealbridge/contracts';
import { Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { onSend: (text: string, attachments: string[]) => Promise<boolean>; disabled?: boolean };

/** Text (Ctrl+Enter sends) and optional references to data-room documents by id; no file upload here. */
export function MessageComposer({ onSend, disabled }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<string[]>([]);
  const [attaching, setAttaching] = useState(false);
  const [docId, setDocId] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    const ok = await onSend(text, attachments).finally(() => setBusy(false));
    if (ok) {
      setText('');
      setAttachments([]);
      setAttaching(false);
    }
  };
  const validDoc = UUID.test(docId.trim());
  return (
    <div className="sb-msg-composer">
      {attachments.length > 0 && (
        <div className="sb-msg-composer-attachments">
          {attachments.map((id) => (
            <Tag key={id} closable onClose={() => setAttachments((xs) => xs.filter((x) => x !== id))}>
              {t('messages.attachment', { short: id.slice(-8) })}
            </Tag>
          ))}
        </div>
      )}
      {attaching && (
        <Space.Compact className="sb-msg-attach-input">
          <Input
            value={docId}
            onChange={(e) => setDocId(e.target.value)}
            placeholder={t('messages.composer.attachPlaceholder')}
            status={docId && !validDoc ? 'error' : undefined}
            aria-label={t('messages.composer.attachPlaceholder')}
            data-testid="attach-input"
          />
          <Button
            disabled={!validDoc}
            onClick={() => {
              setAttachments((xs) => [...new Set([...xs, docId.trim().toLowerCase()])].slice(0, 5));
              setDocId('');
            }}
          >
            {t('messages.composer.attachAdd')}
          </Button>
        </Space.Compact>
      )}
      {attaching && docId && !validDoc && <div className="sb-msg-attach-error">{t('messages.composer.attachInvalid')}</div>}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={MESSAGE_MAX_CHARS}
        placeholder={t('messages.composer.placeholder')}
        aria-label={t('messages.composer.placeholder')}
        disabled={disabled}
        data-testid="composer-text"
      />
      <div className="sb-msg-composer-actions">
        <Button
          type="text"
          icon={<PaperClipOutlined />}
          onClick={() => setAttaching((v) => !v)}
          aria-label={t('messages.composer.attach')}
          title={t('messages.composer.attach')}
        />
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          disabled={disabled || !text.trim()}
          onClick={() => void send()}
          data-testid="composer-send"
        >
          {t('messages.composer.send')}
        </Button>
      </div>
    </div>
  );
}
