import { Button, Skeleton, Space, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EducationTip } from '../../education/components/education-tip.tsx';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { dataroomApi } from '../api/dataroom-api.ts';
import { AnalyticsPanel } from './analytics-panel.tsx';
import { DocumentsPanel } from './documents-panel.tsx';
import { IdentifyPanel } from './identify-panel.tsx';
import { PermissionsPanel } from './permissions-panel.tsx';
import { QaPanel } from './qa-panel.tsx';

/** One listing's data room: documents for everyone; permissions, views and leak checks for the sell side. */
/** Remembered in this browser only (no server record): the viewer has read the watermark tip once. */
const WATERMARK_TIP_SEEN = 'sb.tip.dataroom-watermark';
const seenBefore = () => {
  try {
    return window.localStorage.getItem(WATERMARK_TIP_SEEN) === '1';
  } catch {
    return false;
  }
};

export function RoomView({ listingId, onBack }: { listingId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [tipSeen, setTipSeen] = useState(seenBefore);
  const dismissTip = () => {
    setTipSeen(true);
    try {
      window.localStorage.setItem(WATERMARK_TIP_SEEN, '1');
    } catch {
      // private mode: the tip simply shows again next time
    }
  };
  const query = useApiQuery((signal) => dataroomApi.room(listingId, signal), `room-${listingId}`);
  const room = query.data;
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="room-back">
      {t('dataroom.back')}
    </Button>
  );
  if (query.error) {
    return (
      <div>
        {back}
        <ApiErrorAlert error={query.error} onRetry={query.reload} testId="room-error" />
      </div>
    );
  }
  if (!room) return <Skeleton active paragraph={{ rows: 6 }} />;
  const manager = room.role !== 'buyer';
  return (
    <div className="sb-dr-room" data-testid="dataroom-room">
      {back}
      <header className="sb-dr-room-head">
        <h2>{t('dataroom.listingCode', { code: room.listingCode })}</h2>
        <Space wrap>
          <Tag color="blue">{t('dataroom.roleTag', { role: t(`dataroom.roles.${room.role}`) })}</Tag>
          {room.accessUntil && <Tag>{t('dataroom.accessUntil', { time: formatDateTime(room.accessUntil, currentLocale()) })}</Tag>}
        </Space>
      </header>
      {room.role === 'buyer' && !tipSeen && <EducationTip code="tip.dataroom-watermark" onClose={dismissTip} />}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'documents', label: t('dataroom.tabs.documents'), children: <DocumentsPanel room={room} onChanged={query.reload} /> },
          ...(manager ? [{ key: 'permissions', label: t('dataroom.tabs.permissions'), children: <PermissionsPanel room={room} /> }] : []),
          { key: 'qa', label: t('dataroom.tabs.qa'), children: <QaPanel room={room} /> },
          ...(manager
            ? [
                { key: 'analytics', label: t('dataroom.tabs.analytics'), children: <AnalyticsPanel room={room} /> },
                { key: 'identify', label: t('dataroom.tabs.identify'), children: <IdentifyPanel /> },
              ]
            : []),
        ]}
      />
    </div>
  );
}
