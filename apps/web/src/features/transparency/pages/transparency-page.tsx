import { Empty, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getPublishedReport, listPublishedReports } from '../api/transparency-api.ts';
import { ReportFigures, usePeriodLabel } from '../components/report-figures.tsx';

/** `/privacy/transparency` — the published quarterly reports (a draft is never shown: the API does not answer it). */
export function TransparencyPage() {
  const { t } = useTranslation();
  useDocumentTitle('transparency');
  const label = usePeriodLabel();
  const list = useApiQuery((s) => listPublishedReports(s), 'transparency-list');
  const reports = list.data?.reports ?? [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const period = chosen ?? reports[0]?.period;
  const report = useApiQuery((s) => (period ? getPublishedReport(period, s) : Promise.resolve(undefined)), `transparency-${period ?? ''}`);
  return (
    <div className="sb-container sb-page" data-testid="transparency-page">
      <header className="sb-page-header">
        <h1>{t('transparency.title')}</h1>
        <p className="sb-privacy-intro">{t('transparency.intro')}</p>
        <p>
          <Link to="/privacy">{t('nav.privacy')}</Link>
        </p>
      </header>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {report.error ? <ApiErrorAlert error={report.error} onRetry={report.reload} /> : null}
      {list.loading && !list.data ? <Spin /> : null}
      {list.data && reports.length === 0 ? <Empty description={t('transparency.none')} /> : null}
      {reports.length > 1 ? (
        <div className="sb-tr-toolbar">
          <Segmented
            aria-label={t('transparency.quarter')}
            value={period}
            onChange={(v) => setChosen(String(v))}
            options={reports.slice(0, 4).map((r) => ({ value: r.period, label: label(r.period) }))}
          />
        </div>
      ) : null}
      {report.data ? (
        <>
          <h2 data-testid="transparency-period">{label(report.data.period)}</h2>
          {report.data.publishedAt ? (
            <p className="sb-muted">{t('transparency.publishedAt', { at: report.data.publishedAt.slice(0, 10) })}</p>
          ) : null}
          <ReportFigures report={report.data} />
        </>
      ) : null}
    </div>
  );
}
