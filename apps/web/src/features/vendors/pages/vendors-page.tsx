import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { AssessmentsTab } from '../components/assessments-tab.tsx';
import { CrossBorderTab } from '../components/crossborder-tab.tsx';
import { ObligationsTab } from '../components/obligations-tab.tsx';
import { TransfersTab } from '../components/transfers-tab.tsx';
import { VendorsTab } from '../components/vendors-tab.tsx';

/** `/console/vendors` — the privacy officer's third parties, transfer record, cross-border ledger, PIAs and obligations. */
export function VendorsPage() {
  const { t } = useTranslation();
  useDocumentTitle('vendors');
  return (
    <Card title={<h1 className="sb-card-page-title">{t('vendors.title')}</h1>} data-testid="vendors-page">
      <p className="sb-muted">{t('vendors.intro')}</p>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'obligations', label: t('vendors.tabs.obligations'), children: <ObligationsTab /> },
          { key: 'vendors', label: t('vendors.tabs.vendors'), children: <VendorsTab /> },
          { key: 'transfers', label: t('vendors.tabs.transfers'), children: <TransfersTab /> },
          { key: 'cross-border', label: t('vendors.tabs.crossBorder'), children: <CrossBorderTab /> },
          { key: 'assessments', label: t('vendors.tabs.assessments'), children: <AssessmentsTab /> },
        ]}
      />
    </Card>
  );
}
