import { Button, Card, Empty, Form, Input, Select, Space } from 'antd';
import { DISPUTE_TOPICS, type TOpenDisputeRequest } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { listMyDisputes, openDispute } from '../api/disputes-api.ts';
import { DisputeCard } from '../components/dispute-card.tsx';

/** /account/disputes — a buyer's or seller's disputes: open one about a listing, follow mediation, see the outcome. */
export function MyDisputesPage() {
  const { t } = useTranslation();
  useDocumentTitle('disputes');
  const list = useApiQuery((signal) => listMyDisputes(signal), 'my-disputes');
  const [form] = Form.useForm<TOpenDisputeRequest>();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(values: TOpenDisputeRequest) {
    setError(undefined);
    setBusy(true);
    try {
      await openDispute(values);
      form.resetFields();
      list.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sb-container sb-page">
      <CustomerGate path="/account/disputes" errorTestId="disputes-session-error">
        <header className="sb-page-header">
          <h1>{t('disputes.title')}</h1>
          <p>{t('disputes.intro')}</p>
        </header>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card title={t('disputes.openTitle')}>
            <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ against: 'party', topic: 'disclosure' }}>
              <Form.Item name="listingCode" label={t('disputes.listing')} rules={[{ required: true }]}>
                <Input data-testid="dispute-listing" placeholder="SB-…" />
              </Form.Item>
              <Form.Item name="against" label={t('disputes.against')}>
                <Select options={(['party', 'center'] as const).map((v) => ({ value: v, label: t(`disputes.againstValues.${v}`) }))} />
              </Form.Item>
              <Form.Item name="topic" label={t('disputes.topic')}>
                <Select options={DISPUTE_TOPICS.map((v) => ({ value: v, label: t(`disputes.topics.${v}`) }))} />
              </Form.Item>
              <Form.Item
                name="summary"
                label={t('disputes.summary')}
                extra={t('disputes.noIdentifiers')}
                rules={[{ required: true, min: 10 }]}
              >
                <Input.TextArea rows={4} maxLength={2000} data-testid="dispute-summary" />
              </Form.Item>
              {error !== undefined && <ApiErrorAlert error={error} />}
              <Button type="primary" htmlType="submit" loading={busy} data-testid="dispute-open">
                {t('disputes.open')}
              </Button>
            </Form>
          </Card>
          {list.error !== undefined && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
          {list.data?.items.length === 0 && <Empty description={t('disputes.empty')} />}
          {list.data?.items.map((d) => (
            <DisputeCard key={d.id} dispute={d} />
          ))}
        </Space>
      </CustomerGate>
    </div>
  );
}
