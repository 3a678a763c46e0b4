import '../dataroom.css';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { brokerApi } from '../../listings/api/listings-api.ts';
import { RoomPicker } from '../components/room-picker.tsx';
import { RoomView } from '../components/room-view.tsx';

/** Console `/console/dataroom` — the adviser's data rooms: upload, permissions, redaction, Q&A, views, leak checks. */
export function ConsoleDataroomPage() {
  const { t } = useTranslation();
  useDocumentTitle('dataroom');
  const [params, setParams] = useSearchParams();
  const listingId = params.get('listing');
  return (
    <div data-testid="console-dataroom">
      <h1>{t('dataroom.title')}</h1>
      <p>{t('dataroom.intro')}</p>
      {listingId ? (
        <RoomView listingId={listingId} onBack={() => setParams({})} />
      ) : (
        <RoomPicker
          listings={{ title: t('dataroom.brokerPick'), load: (signal) => brokerApi.queue(signal) }}
          onOpen={(id) => setParams({ listing: id })}
        />
      )}
    </div>
  );
}
