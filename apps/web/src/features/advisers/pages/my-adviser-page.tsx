import '../advisers.css';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { MyAdviserCard } from '../components/my-adviser-card.tsx';

/** `/account/adviser` — 我的顾问 (the notices about an assignment link here). */
export function MyAdviserPage() {
  const { t } = useTranslation();
  useDocumentTitle('myAdviser');
  return (
    <div className="sb-container sb-page">
      <header className="sb-page-header">
        <h1>{t('advisers.mine.title')}</h1>
        <p>{t('advisers.mine.intro')}</p>
      </header>
      <CustomerGate path="/account/adviser" errorTestId="my-adviser-error">
        <MyAdviserCard />
      </CustomerGate>
    </div>
  );
}
