import { Button, Card, DatePicker, Input, InputNumber, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { AUTHORITY_LEGAL_BASES, type AuthorityLegalBasis, type TAuthorityRequest, type TTransparencyReport } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../shared/api/use-action.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import {
  generateReport,
  getReport,
  listAuthorityRequests,
  listReports,
  publishReport,
  recordAuthorityRequest,
} from '../api/transparency-api.ts';
import { ReportFigures, usePeriodLabel } from '../components/report-figures.tsx';

/** The last eight Beijing quarters that have begun, newest first. */
function recentQuarters(): string[] {
  const beijing = new Date(Date.now() + 8 * 3600_000);
  let [year, q] = [beijing.getUTCFullYear(), Math.floor(beijing.getUTCMonth() / 3) + 1];
  const out: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    out.push(`${year}-Q${q}`);
    [year, q] = q === 1 ? [year - 1, 4] : [year, q - 1];
  }
  return out;
}

function AuthorityForm({ run }: { run: (work: () => Promise<unknown>) => void }) {
  const { t } = useTranslation();
  const [authority, setAuthority] = useState('');
  const [legalBasis, setLegalBasis] = useState<AuthorityLegalBasis>('criminal_investigation');
  const [receivedOn, setReceivedOn] = useState<string>('');
  const [disclosed, setDisclosed] = useState(false);
  const [personsAffected, setPersons] = useState<number>(0);
  const [note, setNote] = useState('');
  const submit = () =>
    run(async () => {
      await recordAuthorityRequest({ authority, legalBasis, receivedOn, disclosed, personsAffected, ...(note ? { note } : {}) });
      setAuthority('');
      setNote('');
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="authority-form">
      <Input value={authority} onChange={(e) => setAuthority(e.target.value)} placeholder={t('transparency.console.authority')} />
      <Space wrap>
        <Select
          value={legalBasis}
          onChange={setLegalBasis}
          aria-label={t('transparency.console.legalBasis')}
          popupMatchSelectWidth={false}
          options={AUTHORITY_LEGAL_BASES.map((b) => ({ value: b, label: t(`transparency.legalBases.${b}`) }))}
        />
        <DatePicker
          aria-label={t('transparency.console.receivedOn')}
          placeholder={t('transparency.console.receivedOn')}
          onChange={(d) => setReceivedOn(d ? d.format('YYYY-MM-DD') : '')}
        />
        <span>
          {t('transparency.console.disclosed')}{' '}
          <Switch aria-label={t('transparency.console.disclosed')} checked={disclosed} onChange={setDisclosed} />
        </span>
        <span>
          {t('transparency.console.personsAffected')}{' '}
          <InputNumber
            aria-label={t('transparency.console.personsAffected')}
            min={0}
            value={personsAffected}
            onChange={(v) => setPersons(Number(v ?? 0))}
            style={{ width: 100 }}
          />
        </span>
      </Space>
      <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('transparency.console.note')} />
      <Button type="primary" disabled={!authority || !receivedOn} onClick={submit}>
        {t('transparency.console.record')}
      </Button>
    </Space>
  );
}

/** The privacy officer's page: draft a quarter, review its numbers, publish; the register of authority requests. */
export function TransparencyConsolePage() {
  const { t } = useTranslation();
  useDocumentTitle('transparencyConsole');
  const label = usePeriodLabel();
  const { round, error, run } = useAction();
  const quarters = recentQuarters();
  const [period, setPeriod] = useState(quarters[1] ?? quarters[0]!);
  const reports = useApiQuery((s) => listReports(s), `tr-reports-${round}`);
  const existing = reports.data?.reports.find((r) => r.period === period);
  const report = useApiQuery(
    (s) => (existing ? getReport(period, s) : Promise.resolve(undefined as TTransparencyReport | undefined)),
    `tr-report-${period}-${existing?.generatedAt ?? ''}-${existing?.status ?? ''}`,
  );
  const register = useApiQuery((s) => listAuthorityRequests(s), `tr-register-${round}`);
  const status = existing?.status;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="transparency-console">
      <Card title={<h1 className="sb-card-page-title">{t('transparency.console.title')}</h1>}>
        <p className="sb-muted">{t('transparency.console.intro')}</p>
        {reports.error ? <ApiErrorAlert error={reports.error} onRetry={reports.reload} /> : null}
        {error ? <ApiErrorAlert error={error} /> : null}
        <div className="sb-tr-toolbar">
          <Select
            value={period}
            onChange={setPeriod}
            aria-label={t('transparency.quarter')}
            options={quarters.map((q) => {
              const s = reports.data?.reports.find((r) => r.period === q)?.status;
              return { value: q, label: s ? `${label(q)} · ${t(`transparency.console.status.${s}`)}` : label(q) };
            })}
          />
          {status ? <Tag color={status === 'published' ? 'green' : 'gold'}>{t(`transparency.console.status.${status}`)}</Tag> : null}
          {status !== 'published' ? (
            <Button data-testid="tr-generate" onClick={() => run(() => generateReport(period))}>
              {status === 'draft' ? t('transparency.console.regenerate') : t('transparency.console.generate')}
            </Button>
          ) : null}
          {status === 'draft' ? (
            <Popconfirm title={t('transparency.console.publishConfirm')} onConfirm={() => run(() => publishReport(period))}>
              <Button type="primary" data-testid="tr-publish">
                {t('transparency.console.publish')}
              </Button>
            </Popconfirm>
          ) : null}
        </div>
        {report.data ? (
          <>
            <Typography.Text type="secondary">
              {t('transparency.generatedAt', { at: report.data.generatedAt.slice(0, 16).replace('T', ' ') })}
              {report.data.publishedAt ? ` · ${t('transparency.publishedAt', { at: report.data.publishedAt.slice(0, 10) })}` : ''}
            </Typography.Text>
            <ReportFigures report={report.data} />
          </>
        ) : null}
      </Card>
      <Card title={t('transparency.console.register')}>
        <p className="sb-muted">{t('transparency.console.registerIntro')}</p>
        <AuthorityForm run={run} />
        {register.error ? <ApiErrorAlert error={register.error} onRetry={register.reload} /> : null}
        <ResponsiveTable<TAuthorityRequest>
          rowKey="id"
          size="small"
          style={{ marginTop: 16 }}
          dataSource={register.data?.requests ?? []}
          locale={{ emptyText: t('transparency.console.empty') }}
          pagination={false}
          columns={[
            { title: t('transparency.console.receivedOn'), dataIndex: 'receivedOn' },
            { title: t('transparency.console.authority'), dataIndex: 'authority' },
            { title: t('transparency.console.legalBasis'), render: (_, r) => t(`transparency.legalBases.${r.legalBasis}`) },
            {
              title: t('transparency.console.disclosed'),
              render: (_, r) => (r.disclosed ? t('transparency.console.yes') : t('transparency.console.no')),
            },
            { title: t('transparency.console.personsAffected'), dataIndex: 'personsAffected' },
            { title: t('transparency.console.note'), render: (_, r) => r.note ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
