import { FileTextOutlined } from '@ant-design/icons';
import type { TMessageView, ThreadRole } from '@sealbridge/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { EducationTip } from '../../education/components/education-tip.tsx';
import { documentLink } from '../api/messages-api.ts';

type Props = { message: TMessageView; listingId: string; myRole: ThreadRole };

/**
 * One message. Masked runs show only their kind ("手机号已隐藏"); in the sender's own view the runs the others see
 * masked are highlighted and the note says what was hidden and why.
 */
export function MessageBubble({ message, listingId }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const self = message.sender.self;
  const who = self ? t('messages.self') : t(`messages.roles.${message.sender.role}`);
  const kinds = (message.masking?.kinds ?? []).map((k) => t(`messages.kinds.${k.kind}`)).join(t('messages.kindsJoiner'));
  return (
    <div className={self ? 'sb-msg is-self' : 'sb-msg'} data-testid="message" data-rendering={message.rendering}>
      <div className="sb-msg-meta">
        <span className="sb-msg-who">{who}</span>
        <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, locale)}</time>
      </div>
      <div className="sb-msg-body">
        {message.rendering === 'erased' ? (
          <em className="sb-msg-erased">{t('messages.erased')}</em>
        ) : (
          message.segments.map((s, i) =>
            s.type === 'text' ? (
              <span key={i}>{s.text}</span>
            ) : s.type === 'masked' ? (
              <Tooltip key={i} title={t('messages.maskedHint')}>
                <Tag className="sb-msg-masked" data-testid="masked-segment">
                  {t('messages.masked', { kind: t(`messages.kinds.${s.kind}`) })}
                </Tag>
              </Tooltip>
            ) : (
              <Tooltip key={i} title={t('messages.withheldHint')}>
                <mark className="sb-msg-withheld" data-testid="withheld-segment">
                  {s.text}
                </mark>
              </Tooltip>
            ),
          )
        )}
      </div>
      {message.attachments.length > 0 && (
        <ul className="sb-msg-attachments">
          {message.attachments.map((a) => (
            <li key={a.documentId}>
              <Link to={documentLink(listingId, a.documentId)} data-testid="message-attachment">
                <FileTextOutlined /> {t('messages.attachment', { short: a.documentId.slice(-8) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {message.masking && (
        <div className="sb-msg-note" data-testid="masking-note">
          {t(`messages.maskingNote.${message.masking.reason}`, { kinds })}
        </div>
      )}
      {message.tip && !self && <EducationTip code={message.tip} compact />}
      {self && (
        <div className="sb-msg-receipt" data-testid="read-receipt">
          {message.readBy.length
            ? t('messages.readBy', { who: message.readBy.map((r) => t(`messages.roles.${r}`)).join(t('messages.kindsJoiner')) })
            : t('messages.notRead')}
        </div>
      )}
    </div>
  );
}
