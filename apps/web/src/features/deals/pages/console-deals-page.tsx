import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { DealDetail } from '../components/deal-detail.tsx';
import { DealList } from '../components/deal-list.tsx';

function ConsoleDealList() {
  const { t } = useTranslation();
  useDocumentTitle('deals');
  return (
    <div>
      <h1>{t('deals.list.titleBroker')}</h1>
      <p>{t('deals.list.introBroker')}</p>
      <DealList basePath="/console/deals" />
    </div>
  );
}

function ConsoleDeal() {
  const { id = '' } = useParams();
  return <DealDetail id={id} backPath="/console/deals" />;
}

/** Console: the broker's deal desk — the list, and one deal at /console/deals/:id. */
export function ConsoleDealsPage() {
  return (
    <Routes>
      <Route index element={<ConsoleDealList />} />
      <Route path=":id" element={<ConsoleDeal />} />
    </Routes>
  );
}
