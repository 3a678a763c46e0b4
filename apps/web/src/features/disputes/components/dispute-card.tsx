import { Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import type { TDispute } from '@sealbridge/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

const STATUS_COLOR = { open: 'blue', mediation: 'gold', resolved: 'green', referred: 'purple' } as const;

/** One dispute as its parties and mediator see it: the case, the clocks, the sessions and the outcome. */
export function DisputeCard({ dispute, children }: { dispute: TDispute; children?: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = dispute;
  return (
    <Card
      data-testid={`dispute-${d.caseNo}`}
      title={`${d.caseNo} · ${t(`disputes.topics.${d.topic}`)}`}
      extra={
        <>
          {d.overdue && <Tag color="red">{t('disputes.overdue')}</Tag>}
          <Tag color={STATUS_COLOR[d.status]} data-testid="dispute-status">
            {t(`disputes.statuses.${d.status}`)}
          </Tag>
        </>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('disputes.listing')}>{d.listingCode}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.against')}>{t(`disputes.againstValues.${d.against}`)}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.myRole')}>{t(`disputes.roles.${d.myRole}`)}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.mediator')}>{d.mediatorStaffNo ?? t('disputes.noMediator')}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.respondBy')}>{formatDateTime(d.respondBy, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.resolveBy')}>{formatDateTime(d.resolveBy, locale)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.summary}</Typography.Paragraph>
      {d.sessions.length > 0 && (
        <>
          <Typography.Title level={2} className="sb-subheading">
            {t('disputes.sessions')}
          </Typography.Title>
          <Timeline items={d.sessions.map((s) => ({ key: s.heldAt, children: `${formatDateTime(s.heldAt, locale)} — ${s.notes}` }))} />
        </>
      )}
      {d.evidence.length > 0 && (
        <Typography.Paragraph type="secondary">{t('disputes.evidenceCount', { count: d.evidence.length })}</Typography.Paragraph>
      )}
      {d.outcome && (
        <Card size="small" type="inner" title={t(`disputes.closings.${d.closing ?? 'resolved'}`)} data-testid="dispute-outcome">
          {d.outcome}
        </Card>
      )}
      {children}
    </Card>
  );
}
