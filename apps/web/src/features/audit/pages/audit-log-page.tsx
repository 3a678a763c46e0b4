import '../audit.css';
import { Card } from 'antd';
import type { TAuditRecord } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { searchAudit } from '../api/audit-api.ts';
import { useFieldLabels } from '../api/use-field-labels.ts';
import { AuditRecordDrawer } from '../components/audit-record-drawer.tsx';
import { AuditResultsTable } from '../components/audit-results-table.tsx';
import { AuditSearchForm } from '../components/audit-search-form.tsx';
import type { AuditFilters } from '../components/audit-search-form.tsx';

type Search = { filters: AuditFilters; page: number; pageSize: number };

/** `/console/audit/log` — search the audit trail (audit.read: auditor, privacy and security officers). */
export function AuditLogPage() {
  const { t } = useTranslation();
  useDocumentTitle('auditLog');
  const fieldLabel = useFieldLabels();
  const [search, setSearch] = useState<Search>({ filters: {}, page: 1, pageSize: 50 });
  const [open, setOpen] = useState<TAuditRecord | undefined>(undefined);
  const query = useApiQuery(
    (signal) => searchAudit({ ...search.filters, page: search.page, pageSize: search.pageSize }, signal),
    JSON.stringify(search),
  );

  return (
    <div className="sb-audit-page">
      <header className="sb-console-page-header">
        <h1>{t('audit.search.title')}</h1>
        <p>{t('audit.search.intro')}</p>
      </header>
      <Card>
        <AuditSearchForm loading={query.loading} onSearch={(filters) => setSearch((s) => ({ ...s, filters, page: 1 }))} />
      </Card>
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={query.reload} testId="audit-search-error" />}
      <Card className="sb-audit-results">
        <AuditResultsTable
          records={query.data?.items ?? []}
          loading={query.loading}
          page={search.page}
          pageSize={search.pageSize}
          total={query.data?.total ?? 0}
          fieldLabel={fieldLabel}
          onPage={(page, pageSize) => setSearch((s) => ({ ...s, page: pageSize === s.pageSize ? page : 1, pageSize }))}
          onOpen={setOpen}
        />
      </Card>
      <AuditRecordDrawer record={open} fieldLabel={fieldLabel} onClose={() => setOpen(undefined)} />
    </div>
  );
}
