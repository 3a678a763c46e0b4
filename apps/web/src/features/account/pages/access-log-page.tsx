import '../account.css';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getMyAccessLog } from '../api/access-log-api.ts';
import { AccessLogNotices } from '../components/access-log-notices.tsx';
import { AccessLogTimeline } from '../components/access-log-timeline.tsx';
import { CustomerGate } from '../components/customer-gate.tsx';

const PATH = '/account/access-log';

/** The accesses to my data recorded in the audit trail, or an honest "nobody yet". */
function MyAccessLog() {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => getMyAccessLog(signal), 'my-access-log');
  const entries = query.data?.entries;

  let body;
  if (!entries) {
    body = query.error ? (
      <ApiErrorAlert error={query.error} onRetry={query.reload} testId="access-log-error" />
    ) : (
      <Skeleton active paragraph={{ rows: 6 }} />
    );
  } else if (entries.length === 0) {
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <strong className="sb-access-empty-title">{t('account.accessLog.empty')}</strong>
            <br />
            <span className="sb-muted">{t('account.accessLog.emptyHint')}</span>
          </>
        }
        data-testid="access-log-empty"
      />
    );
  } else {
    body = (
      <>
        <p className="sb-access-count" data-testid="access-log-count">
          {t('account.accessLog.count', { count: entries.length })}
        </p>
        <AccessLogTimeline entries={entries} />
      </>
    );
  }

  return (
    <div className="sb-profile-layout">
      <Card className="sb-access-card">{body}</Card>
      <AccessLogNotices />
    </div>
  );
}

/** `/account/access-log` — 谁访问了我的数据; customers only. */
export function AccessLogPage() {
  const { t } = useTranslation();
  useDocumentTitle('accessLog');
  return (
    <div className="sb-container sb-page" data-testid="access-log">
      <header className="sb-page-header">
        <ButtonLink type="link" to="/account/profile" icon={<ArrowLeftOutlined />} className="sb-access-back">
          {t('account.accessLog.backToProfile')}
        </ButtonLink>
        <h1>{t('account.accessLog.title')}</h1>
        <p>{t('account.accessLog.intro')}</p>
      </header>
      <CustomerGate path={PATH} errorTestId="access-log-error">
        <MyAccessLog />
      </CustomerGate>
    </div>
  );
}
