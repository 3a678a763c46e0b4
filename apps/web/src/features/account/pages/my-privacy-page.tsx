import '../account.css';
import { Alert, Button, Card, Empty, List, Skeleton, Space, Tag } from 'antd';
import type { ConsentKind, Purpose, TConsentPurpose } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import {
  decideConsent,
  getGuardDecisions,
  getMyConsents,
  getPendingConsents,
  getPrivacyCenter,
  textHash,
  withdrawConsent,
} from '../../privacy/api/consent-api.ts';
import { MyRightsSection } from '../../rights/components/my-rights-section.tsx';
import { MyTicketsSection } from '../../privacy/components/my-tickets-section.tsx';
import { useInquiryRecipients } from '../../disclosure/api/use-inquiry-recipients.ts';
import { CustomerGate } from '../components/customer-gate.tsx';
import { ItemMeta } from '../../../shared/ui/item-meta.tsx';

const PATH = '/account/privacy';
const testKey = (purpose: string, kind: string, recipient?: string | null) => `${kind}-${purpose}${recipient ? `-${recipient}` : ''}`;

function MyPrivacy() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [round, setRound] = useState(0);
  const center = useApiQuery((s) => getPrivacyCenter(s), 'privacy-center');
  const pending = useApiQuery((s) => getPendingConsents(s), `pending-${round}`);
  const mine = useApiQuery((s) => getMyConsents(s), `mine-${round}`);
  const decisions = useApiQuery((s) => getGuardDecisions(s), `decisions-${round}`);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const recipientName = useInquiryRecipients();
  const purposeOf = (purpose: Purpose, kind: ConsentKind): TConsentPurpose | undefined =>
    center.data?.purposes.find((p) => p.purpose === purpose && p.kind === kind);
  const label = (purpose: Purpose, kind: ConsentKind) =>
    purposeOf(purpose, kind)?.label[locale] ?? t(`codes.purposes.${purpose}` as 'codes.purposes.account_service');

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    setDone(false);
    try {
      await work();
      setDone(true);
      setRound((n) => n + 1);
    } catch (failure) {
      setError(failure);
    }
  };
  const decide = (purpose: Purpose, kind: ConsentKind, decision: 'given' | 'refused', recipient: string | null) =>
    act(async () => {
      const p = purposeOf(purpose, kind);
      const shown = `${p?.label[locale] ?? purpose}\n${p?.description[locale] ?? ''}`;
      await decideConsent({
        purpose,
        kind,
        decision,
        noticeVersion: pending.data?.noticeVersion ?? 0,
        uiTextHash: await textHash(shown),
        ...(recipient ? { recipient } : {}),
      });
    });

  const loading = !center.data || !pending.data || !mine.data || !decisions.data;
  const firstError = center.error ?? pending.error ?? mine.error ?? decisions.error;
  if (firstError) return <ApiErrorAlert error={firstError} onRetry={() => setRound((n) => n + 1)} />;
  if (loading) return <Skeleton active paragraph={{ rows: 8 }} />;

  return (
    <div className="sb-my-privacy">
      {error ? <ApiErrorAlert error={error} /> : null}
      {done ? <Alert type="success" showIcon title={t('consent.my.decided')} data-testid="consent-decided" /> : null}
      {pending.data?.noticeVersion ? (
        <p>
          <Link to="/privacy#notice" data-testid="my-privacy-notice-link">
            {t('consent.my.noticeLink', { version: pending.data.noticeVersion })}
          </Link>
        </p>
      ) : null}

      <Card title={t('consent.my.pendingTitle')} data-testid="consent-pending">
        {pending.data?.pending.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consent.my.pendingEmpty')} />
        ) : (
          <List
            dataSource={pending.data?.pending ?? []}
            renderItem={(p) => (
              <List.Item
                data-testid={`pending-${testKey(p.purpose, p.kind, p.recipient)}`}
                actions={[
                  <Button
                    key="agree"
                    type="primary"
                    onClick={() => void decide(p.purpose, p.kind, 'given', p.recipient)}
                    data-testid={`agree-${testKey(p.purpose, p.kind, p.recipient)}`}
                  >
                    {t('consent.my.agree')}
                  </Button>,
                  <Button
                    key="refuse"
                    onClick={() => void decide(p.purpose, p.kind, 'refused', p.recipient)}
                    data-testid={`refuse-${testKey(p.purpose, p.kind, p.recipient)}`}
                  >
                    {t('consent.my.refuse')}
                  </Button>,
                ]}
              >
                <ItemMeta
                  title={
                    <>
                      {label(p.purpose, p.kind)} <Tag>{t(`consent.kinds.${p.kind}`)}</Tag>
                    </>
                  }
                  description={
                    <>
                      {purposeOf(p.purpose, p.kind)?.description[locale]}
                      <br />
                      <span className="sb-muted">{t(`consent.pendingReasons.${p.reason}`)}</span>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={t('consent.my.consentsTitle')} data-testid="my-consents">
        {mine.data?.consents.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consent.my.consentsEmpty')} />
        ) : (
          <List
            dataSource={mine.data?.consents ?? []}
            renderItem={(c) => (
              <List.Item
                data-testid={`consent-${testKey(c.purpose, c.kind, c.recipient)}`}
                actions={[
                  c.decision === 'given' ? (
                    <Button
                      key="w"
                      danger
                      onClick={() =>
                        void act(() =>
                          withdrawConsent({ purpose: c.purpose, kind: c.kind, ...(c.recipient ? { recipient: c.recipient } : {}) }),
                        )
                      }
                      data-testid={`withdraw-${testKey(c.purpose, c.kind, c.recipient)}`}
                    >
                      {t('consent.my.withdraw')}
                    </Button>
                  ) : c.kind === 'general' || c.kind === 'sensitive' ? (
                    <Button
                      key="g"
                      onClick={() => void decide(c.purpose, c.kind, 'given', null)}
                      data-testid={`regive-${testKey(c.purpose, c.kind, c.recipient)}`}
                    >
                      {t('consent.my.regive')}
                    </Button>
                  ) : null,
                  <Link key="r" to={`/account/privacy/receipts/${c.receiptId}`}>
                    {t('consent.my.viewReceipt')}
                  </Link>,
                ]}
              >
                <ItemMeta
                  title={
                    <>
                      {label(c.purpose, c.kind)}{' '}
                      <Tag color={c.decision === 'given' ? 'green' : 'default'} data-testid="consent-decision">
                        {t(`consent.decisions.${c.decision}`)}
                      </Tag>
                      {!c.current && c.decision === 'given' ? <Tag color="orange">{t('consent.my.outdated')}</Tag> : null}
                    </>
                  }
                  description={
                    <>
                      {formatDateTime(c.at, locale)}
                      {c.recipient ? ` · ${t('consent.my.recipient', { recipient: recipientName(c.recipient) })}` : ''}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={t('consent.my.decisionsTitle')} data-testid="guard-decisions">
        <p className="sb-muted">{t('consent.my.decisionsIntro')}</p>
        <List
          size="small"
          dataSource={decisions.data?.decisions ?? []}
          renderItem={(d) => (
            <List.Item data-testid={`guard-${testKey(d.purpose, d.kind, d.recipient)}`}>
              <Space>
                <Tag color={verdictOf(d).color} data-testid="guard-verdict">
                  {t(verdictOf(d).label)}
                </Tag>
                {label(d.purpose, d.kind)}
                <span className="sb-muted">{t(`consent.guardReasons.${d.reason}` as 'consent.guardReasons.allowed')}</span>
              </Space>
            </List.Item>
          )}
        />
      </Card>

      <Card title={t('consent.my.receiptsTitle')} data-testid="my-receipts">
        {mine.data?.receipts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consent.my.receiptsEmpty')} />
        ) : (
          <List
            size="small"
            dataSource={mine.data?.receipts ?? []}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Link key="v" to={`/account/privacy/receipts/${r.receiptId}`} data-testid="receipt-link">
                    {t('consent.my.viewReceipt')}
                  </Link>,
                ]}
              >
                {formatDateTime(r.at, locale)} · {label(r.purpose, r.kind)} · {t(`consent.decisions.${r.decision}`)}
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={t('consent.my.dataTitle')}>
        <Space direction="vertical">
          <Link to="/account/profile">{t('consent.my.linkProfile')}</Link>
          <Link to="/account/access-log">{t('consent.my.linkAccessLog')}</Link>
        </Space>
      </Card>

      <MyRightsSection />

      <MyTicketsSection />
    </div>
  );
}

/** `/account/privacy` — 我的隐私: consents with one-click withdrawal, receipts, my data and rights requests. */
/**
 * The verdict tag: green when allowed, red only for a choice the customer made (refused, withdrawn), orange when a
 * changed purpose needs their answer again, and a neutral 未选择 while nothing was chosen yet.
 */
function verdictOf(d: { allowed: boolean; reason: string }): {
  color: string;
  label: 'consent.my.allowed' | 'consent.my.blocked' | 'consent.my.notChosen' | 'consent.my.toConfirm';
} {
  if (d.allowed) return { color: 'green', label: 'consent.my.allowed' };
  if (d.reason === 'refused' || d.reason === 'withdrawn') return { color: 'red', label: 'consent.my.blocked' };
  if (d.reason === 'purpose_changed') return { color: 'orange', label: 'consent.my.toConfirm' };
  return { color: 'default', label: 'consent.my.notChosen' };
}

export function MyPrivacyPage() {
  const { t } = useTranslation();
  useDocumentTitle('myPrivacy');
  return (
    <div className="sb-container sb-page" data-testid="my-privacy">
      <header className="sb-page-header">
        <h1>{t('consent.my.title')}</h1>
        <p>{t('consent.my.intro')}</p>
      </header>
      <CustomerGate path={PATH} errorTestId="my-privacy-error">
        <MyPrivacy />
      </CustomerGate>
    </div>
  );
}
