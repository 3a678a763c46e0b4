import '../audit.css';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { ExportForm } from '../components/export-form.tsx';

/** `/console/audit/export` — a period of the trail as CSV or JSON (audit.export: auditor, privacy officer). */
export function AuditExportPage() {
  const { t } = useTranslation();
  useDocumentTitle('auditExport');
  return (
    <div className="sb-audit-page">
      <header className="sb-console-page-header">
        <h1>{t('audit.export.title')}</h1>
        <p>{t('audit.export.intro')}</p>
      </header>
      <Card>
        <ExportForm />
      </Card>
    </div>
  );
}
