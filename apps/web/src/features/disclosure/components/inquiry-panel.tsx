import { FileSearchOutlined, LockOutlined } from '@ant-design/icons';
import type { TBuyerInquiry } from '@sealbridge/contracts';
import { App, Button, Card, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { isActive, useSession } from '../../auth/session/session-context.ts';
import { buyerApi } from '../api/disclosure-api.ts';
import { InquiryFormModal } from './inquiry-form-modal.tsx';
import { LevelStateTag } from './level-state-tag.tsx';

/** The buyer's own inquiry on this listing, if any (the buyer's list is short; no per-listing endpoint is needed). */
function useMyInquiry(code: string) {
  const query = useApiQuery((signal) => buyerApi.mine(signal), `my-inquiries-${code}`);
  return { ...query, inquiry: query.data?.items.find((i) => i.listingCode === code) };
}

function BuyerAction({ code }: { code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const mine = useMyInquiry(code);
  const [created, setCreated] = useState<TBuyerInquiry | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const inquiry = created ?? mine.inquiry;
  const askedToApply = params.get('apply') === '1';

  // Back from the log-in page with ?apply=1: open the form once, and drop the flag from the address.
  useEffect(() => {
    if (!askedToApply || !mine.data) return;
    setParams({}, { replace: true });
    if (!mine.inquiry) setOpen(true);
  }, [askedToApply, mine.data, mine.inquiry, setParams]);

  if (!mine.data) return null;
  if (inquiry) {
    return (
      <div data-testid="inquiry-existing">
        <p>
          <strong>{t('disclosure.inquire.existing')}</strong>
        </p>
        <Space wrap size={4}>
          <Tag data-testid="inquiry-status" data-status={inquiry.status}>
            {t(`disclosure.inquiryStatuses.${inquiry.status}`)}
          </Tag>
          {inquiry.levels[0] && <LevelStateTag level={inquiry.levels[0]} />}
        </Space>
        <p>
          <Link to={`/account/inquiries/${inquiry.id}`} data-testid="inquiry-progress-link">
            {t('disclosure.inquire.progress')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <Button type="primary" size="large" block icon={<FileSearchOutlined />} onClick={() => setOpen(true)} data-testid="apply">
        {t('disclosure.inquire.apply')}
      </Button>
      {open && (
        <InquiryFormModal
          code={code}
          onClose={() => setOpen(false)}
          onDone={(next) => {
            setOpen(false);
            setCreated(next);
            void message.success(t('disclosure.inquire.submitted'));
          }}
        />
      )}
    </>
  );
}

/**
 * The listing page's way into the disclosure path: a buyer asks (申请查看详情) or sees how far their request got; a
 * visitor is sent to log in and brought back here with the form open; others are told who can ask.
 */
export function InquiryPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  let action;
  if (session.status === 'loading') action = null;
  else if (!isActive(session) || !session.account) {
    action = (
      <>
        <Button
          type="primary"
          size="large"
          block
          icon={<FileSearchOutlined />}
          onClick={() => void navigate('/login', { state: { from: `/listings/${code}?apply=1` } })}
          data-testid="apply"
        >
          {t('disclosure.inquire.apply')}
        </Button>
        <p className="sb-muted">{t('disclosure.inquire.visitorHint')}</p>
      </>
    );
  } else if (session.account.kind === 'staff') action = <p className="sb-muted">{t('disclosure.inquire.staff')}</p>;
  else if (!session.account.roles.includes('buyer')) action = <p className="sb-muted">{t('disclosure.inquire.notBuyer')}</p>;
  else action = <BuyerAction code={code} />;
  return (
    <Card className="sb-inquiry-panel" data-testid="inquiry-panel">
      <h2>
        <LockOutlined /> {t('disclosure.inquire.title')}
      </h2>
      <p>{t('disclosure.inquire.body')}</p>
      {action}
    </Card>
  );
}
