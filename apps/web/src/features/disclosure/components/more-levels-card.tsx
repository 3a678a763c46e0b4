import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Tag } from 'antd';
import type { TBuyerInquiry } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { buyerApi } from '../api/disclosure-api.ts';
import { ConsentDialog } from './consent-dialog.tsx';
import { ContactsModal } from './contacts-modal.tsx';
import { buyerConsentLines, levelLabel } from './disclosure-labels.ts';
import { LevelStateTag } from './level-state-tag.tsx';

const REQUESTABLE = ['none', 'declined', 'expired', 'revoked'];

/** L2 and L3 once L1 is open: ask for them; L3 first asks the buyer's own separate consent naming the seller. */
export function MoreLevelsCard({ inquiry, onChanged }: { inquiry: TBuyerInquiry; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [consenting, setConsenting] = useState(false);
  const [contacts, setContacts] = useState(false);
  const [busy, setBusy] = useState<'L2' | 'L3' | undefined>(undefined);
  const l1Open = Boolean(inquiry.levels.find((l) => l.level === 'L1')?.active);
  const closed = inquiry.status === 'declined' || inquiry.status === 'withdrawn';

  const request = async (level: 'L2' | 'L3') => {
    setBusy(level);
    try {
      await buyerApi.requestLevel(inquiry.id, level);
      void message.success(t('disclosure.mine.requested'));
      onChanged();
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setBusy(undefined);
    }
  };
  const askL3 = () => (inquiry.preconditions.buyerConsentL3 === 'given' ? void request('L3') : setConsenting(true));

  return (
    <Card title={t('disclosure.mine.moreTitle')} data-testid="more-levels">
      <p className="sb-muted">{t('disclosure.mine.moreIntro')}</p>
      <List
        dataSource={inquiry.levels.filter((l) => l.level !== 'L1')}
        renderItem={(l) => {
          const canAsk = l1Open && !closed && REQUESTABLE.includes(l.state);
          const actions = [];
          if (canAsk) {
            actions.push(
              <Button
                key="ask"
                size="small"
                loading={busy === l.level}
                onClick={() => (l.level === 'L3' ? askL3() : void request('L2'))}
                data-testid={`request-${l.level}`}
              >
                {l.level === 'L3' ? t('disclosure.mine.requestL3') : t('disclosure.mine.requestL2')}
              </Button>,
            );
          }
          if (l.level === 'L3' && l.active) {
            actions.push(
              <Button
                key="contacts"
                size="small"
                type="primary"
                icon={<PhoneOutlined />}
                onClick={() => setContacts(true)}
                data-testid="buyer-contacts"
              >
                {t('disclosure.mine.contactsAction')}
              </Button>,
            );
          }
          return (
            <List.Item className="sb-level-row" data-testid={`level-${l.level}`}>
              <div className="sb-level-row-main">
                <strong>{levelLabel(l.level, locale)}</strong>
                <span>
                  <LevelStateTag level={l} />
                  {l.level === 'L3' && inquiry.preconditions.buyerConsentL3 !== 'not_asked' && (
                    <Tag data-testid="buyer-consent-l3">{t(`disclosure.consentStates.${inquiry.preconditions.buyerConsentL3}`)}</Tag>
                  )}
                </span>
              </div>
              {actions.length > 0 && <div className="sb-level-row-actions">{actions}</div>}
            </List.Item>
          );
        }}
      />
      {consenting && (
        <ConsentDialog
          level="L3"
          lines={buyerConsentLines(inquiry.listingCode, t)}
          giveLabel={t('disclosure.mine.requestL3')}
          send={(body) => buyerApi.consent(inquiry.id, body)}
          onClose={() => setConsenting(false)}
          onDone={(decision) => {
            setConsenting(false);
            if (decision === 'given') void request('L3');
            else {
              void message.info(t('disclosure.consentDialog.refused'));
              onChanged();
            }
          }}
        />
      )}
      {contacts && (
        <ContactsModal
          title={t('disclosure.mine.contactsTitle')}
          note={t('disclosure.mine.contactsNote')}
          load={() => buyerApi.contacts(inquiry.id)}
          onClose={() => setContacts(false)}
        />
      )}
    </Card>
  );
}
