import { Alert, Button, Card, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import {
  RETENTION_CLASSES,
  type RetentionClass,
  type TDestructionCertificate,
  type TLegalHold,
  type TRetentionOverview,
  type TRetentionRun,
} from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useAction } from '../../../shared/api/use-action.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getRetention, liftLegalHold, placeLegalHold, runRetentionDryRun, verifyCertificate } from '../api/retention-api.ts';

type Rule = TRetentionOverview['schedule'][number];
const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

function HoldForm({ run }: { run: (work: () => Promise<unknown>) => void }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<TLegalHold['scope']>('account');
  const [accountNo, setAccountNo] = useState('');
  const [dealNo, setDealNo] = useState('');
  const [listingCode, setListingCode] = useState('');
  const [cls, setCls] = useState<RetentionClass>('deal_life_plus_3y');
  const [reason, setReason] = useState('');
  const submit = () =>
    run(async () => {
      await placeLegalHold(
        scope === 'account'
          ? { scope, accountNo, reason }
          : scope === 'deal'
            ? { scope, dealNo, reason }
            : scope === 'listing'
              ? { scope, listingCode, reason }
              : { scope, retentionClass: cls, reason },
      );
      setReason('');
      setAccountNo('');
      setDealNo('');
      setListingCode('');
    });
  return (
    <Space direction="vertical" className="sb-retention-form" style={{ width: '100%' }}>
      <Typography.Text strong>{t('retention.hold.place')}</Typography.Text>
      <Space wrap>
        <Select
          value={scope}
          onChange={setScope}
          aria-label={t('retention.hold.scope')}
          options={[
            { value: 'account', label: t('retention.hold.accountNo') },
            { value: 'class', label: t('retention.hold.class') },
            { value: 'deal', label: t('retention.hold.dealNo') },
            { value: 'listing', label: t('retention.hold.listingCode') },
          ]}
        />
        {scope === 'deal' ? (
          <Input
            value={dealNo}
            onChange={(e) => setDealNo(e.target.value)}
            placeholder={t('retention.hold.dealNo')}
            style={{ width: 160 }}
          />
        ) : scope === 'listing' ? (
          <Input
            value={listingCode}
            onChange={(e) => setListingCode(e.target.value)}
            placeholder={t('retention.hold.listingCode')}
            style={{ width: 160 }}
          />
        ) : scope === 'account' ? (
          <Input
            value={accountNo}
            onChange={(e) => setAccountNo(e.target.value)}
            placeholder={t('retention.hold.accountNo')}
            style={{ width: 160 }}
          />
        ) : (
          <Select
            value={cls}
            onChange={setCls}
            aria-label={t('retention.hold.class')}
            popupMatchSelectWidth={false}
            options={RETENTION_CLASSES.map((c) => ({ value: c, label: t(`retention.classes.${c}`) }))}
          />
        )}
      </Space>
      <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('retention.hold.reason')} />
      <Button
        type="primary"
        disabled={!reason || (scope === 'account' && !accountNo) || (scope === 'deal' && !dealNo) || (scope === 'listing' && !listingCode)}
        onClick={submit}
      >
        {t('retention.hold.place')}
      </Button>
    </Space>
  );
}

function LiftButton({ hold, run }: { hold: TLegalHold; run: (work: () => Promise<unknown>) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  if (hold.liftedAt) return <span>{time(hold.liftedAt)}</span>;
  return (
    <Space wrap>
      <Input
        size="small"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('retention.hold.liftReason')}
        style={{ width: 140 }}
      />
      <Button size="small" disabled={!reason} onClick={() => run(() => liftLegalHold(hold.id, reason))}>
        {t('retention.hold.lift')}
      </Button>
    </Space>
  );
}

function VerifyButton({ certificate }: { certificate: TDestructionCertificate }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ valid: boolean; reason: string | null } | undefined>(undefined);
  if (result)
    return result.valid ? (
      <Tag color="green">{t('retention.certificate.valid')}</Tag>
    ) : (
      <Tag color="red">{t('retention.certificate.invalid', { reason: result.reason })}</Tag>
    );
  return (
    <Button size="small" onClick={() => void verifyCertificate(certificate.id).then(setResult)}>
      {t('retention.certificate.verify')}
    </Button>
  );
}

/** `/console/retention` — the schedule, legal holds, runs with a dry run, and signed destruction certificates. */
export function RetentionPage() {
  const { t } = useTranslation();
  useDocumentTitle('retention');
  const { round, error, run } = useAction();
  const query = useApiQuery((s) => getRetention(s), `retention-${round}`);
  const [preview, setPreview] = useState<TRetentionRun | undefined>(undefined);
  const period = (p: { years: number; days: number }) => t('retention.period', p);
  const cls = (c: string): string => t(`retention.classes.${c as RetentionClass}`);
  const data = query.data;
  return (
    <Card title={<h1 className="sb-card-page-title">{t('retention.title')}</h1>} data-testid="retention-page">
      <p className="sb-muted">{t('retention.intro')}</p>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <Tabs
        items={[
          {
            key: 'schedule',
            label: t('retention.tabs.schedule'),
            children: (
              <ResponsiveTable<Rule>
                rowKey="retentionClass"
                loading={query.loading}
                pagination={false}
                dataSource={data?.schedule ?? []}
                columns={[
                  { title: t('retention.col.class'), dataIndex: 'retentionClass', render: (c: string) => cls(c) },
                  { title: t('retention.col.floor'), dataIndex: 'floor', render: period },
                  { title: t('retention.col.ceiling'), dataIndex: 'ceiling', render: period },
                  { title: t('retention.col.clock'), dataIndex: 'clock', render: (c: Rule['clock']) => t(`retention.clocks.${c}`) },
                  {
                    title: t('retention.col.basis'),
                    dataIndex: 'basis',
                    render: (b: string) => t(`retention.bases.${b as 'deal_records_10y'}`),
                  },
                  { title: t('retention.col.tables'), dataIndex: 'tables', render: (x: string[]) => x.join('、') || '—' },
                ]}
              />
            ),
          },
          {
            key: 'holds',
            label: t('retention.tabs.holds'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }} size="large">
                <HoldForm run={run} />
                <ResponsiveTable<TLegalHold>
                  rowKey="id"
                  pagination={false}
                  dataSource={data?.holds ?? []}
                  locale={{ emptyText: t('retention.hold.empty') }}
                  columns={[
                    {
                      title: t('retention.col.scope'),
                      dataIndex: 'scope',
                      render: (_: unknown, h: TLegalHold) =>
                        h.scope === 'account'
                          ? t('retention.scopes.account', { no: h.accountNo ?? '—' })
                          : h.scope === 'deal'
                            ? t('retention.scopes.deal', { no: h.dealNo ?? '—' })
                            : h.scope === 'listing'
                              ? t('retention.scopes.listing', { no: h.listingCode ?? '—' })
                              : t('retention.scopes.class', { cls: cls(h.retentionClass ?? '') }),
                    },
                    { title: t('retention.col.reason'), dataIndex: 'reason' },
                    {
                      title: t('retention.col.placed'),
                      dataIndex: 'placedAt',
                      render: (v: string, h: TLegalHold) => `${time(v)} ${h.placedByNo ?? ''}`,
                    },
                    {
                      title: t('retention.col.lifted'),
                      dataIndex: 'liftedAt',
                      render: (_: unknown, h: TLegalHold) => <LiftButton hold={h} run={run} />,
                    },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'runs',
            label: t('retention.tabs.runs'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Button onClick={() => run(async () => setPreview(await runRetentionDryRun()))}>{t('retention.run.dryRun')}</Button>
                {preview ? (
                  <Alert
                    type="info"
                    showIcon
                    message={t('retention.run.preview', { count: preview.destroyed })}
                    description={preview.counts
                      .filter((c) => c.pastCeiling > 0 || c.underFloor > 0)
                      .map(
                        (c) =>
                          `${cls(c.retentionClass)} · ${c.table}: ${c.destroyed} / ${t('retention.col.held')} ${c.held} / ${t('retention.col.underFloor')} ${c.underFloor}`,
                      )
                      .join('；')}
                  />
                ) : null}
                <ResponsiveTable<TRetentionRun>
                  rowKey="id"
                  pagination={false}
                  dataSource={data?.runs ?? []}
                  locale={{ emptyText: t('retention.run.empty') }}
                  columns={[
                    { title: t('retention.col.started'), dataIndex: 'startedAt', render: time },
                    {
                      title: t('retention.col.kind'),
                      dataIndex: 'dryRun',
                      render: (dry: boolean, r: TRetentionRun) => (dry ? t('retention.run.dry') : t(`retention.run.${r.by}`)),
                    },
                    { title: t('retention.col.scanned'), dataIndex: 'scanned' },
                    { title: t('retention.col.destroyed'), dataIndex: 'destroyed' },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'certificates',
            label: t('retention.tabs.certificates'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary" className="sb-retention-key">
                  {t('retention.certificate.key')}: <code>{data?.verifierKey ?? ''}</code>
                </Typography.Text>
                <ResponsiveTable<TDestructionCertificate>
                  rowKey="id"
                  pagination={false}
                  dataSource={data?.certificates ?? []}
                  locale={{ emptyText: t('retention.certificate.empty') }}
                  columns={[
                    { title: t('retention.col.certificate'), dataIndex: 'certificateNo' },
                    { title: t('retention.col.class'), dataIndex: 'retentionClass', render: (c: string) => cls(c) },
                    { title: t('retention.col.table'), dataIndex: 'table' },
                    { title: t('retention.col.count'), dataIndex: 'count' },
                    { title: t('retention.col.at'), dataIndex: 'destroyedAt', render: time },
                    { title: '', key: 'verify', render: (_: unknown, c: TDestructionCertificate) => <VerifyButton certificate={c} /> },
                  ]}
                />
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
