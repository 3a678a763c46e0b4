import '../dataroom.css';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { useSession } from '../../auth/session/session-context.ts';
import { sellerApi } from '../../listings/api/listings-api.ts';
import { RoomPicker } from '../components/room-picker.tsx';
import { RoomView } from '../components/room-view.tsx';

function MyDatarooms() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const listingId = params.get('listing');
  const seller = session.account?.roles.includes('seller') ?? false;
  if (listingId) return <RoomView listingId={listingId} onBack={() => setParams({})} />;
  return (
    <RoomPicker
      {...(seller ? { listings: { title: t('dataroom.sellerPick'), load: (signal: AbortSignal) => sellerApi.mine(signal) } } : {})}
      onOpen={(id) => setParams({ listing: id })}
    />
  );
}

/** `/account/dataroom` — 数据室 for customers: buyers' granted rooms, sellers' own rooms (matrix, views, Q&A). */
export function MyDataroomsPage() {
  const { t } = useTranslation();
  useDocumentTitle('dataroom');
  return (
    <div className="sb-container sb-page" data-testid="dataroom-page">
      <header className="sb-page-header">
        <h1>{t('dataroom.title')}</h1>
        <p>{t('dataroom.intro')}</p>
      </header>
      <CustomerGate path="/account/dataroom" errorTestId="dataroom-session-error">
        <MyDatarooms />
      </CustomerGate>
    </div>
  );
}
