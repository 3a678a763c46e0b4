import { Alert, Empty, Select, Skeleton, Space, Tag } from 'antd';
import type { TInventoryItem, TNotice } from '@sealbridge/contracts';
import { diffLines } from 'diff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { ApiError } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getNotice, getNoticeList } from '../api/consent-api.ts';
import { noticeAsText, sharedLabel } from './notice-text.ts';

/** The 清单: one row per registered personal field, as published with this version. */
export function InventoryTable({ items }: { items: TInventoryItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ResponsiveTable<TInventoryItem>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={items}
      data-testid="notice-inventory"
      columns={[
        { title: t('consent.notice.item'), dataIndex: 'label', render: (_v, r) => <strong>{r.label[locale]}</strong> },
        {
          title: t('privacy.dataMap.category'),
          dataIndex: 'category',
          render: (v: string) => t(`codes.categories.${v}` as 'codes.categories.identity'),
        },
        {
          title: t('privacy.dataMap.purposes'),
          dataIndex: 'purposes',
          render: (v: string[]) => v.map((p) => <Tag key={p}>{t(`codes.purposes.${p}` as 'codes.purposes.account_service')}</Tag>),
        },
        {
          title: t('privacy.dataMap.legalBasis'),
          dataIndex: 'legalBasis',
          render: (v: string) => t(`codes.legalBases.${v}` as 'codes.legalBases.consent'),
        },
        {
          title: t('privacy.dataMap.retention'),
          dataIndex: 'retention',
          render: (v: string) => t(`codes.retention.${v}` as 'codes.retention.account_life'),
        },
        {
          title: t('consent.notice.sharedWith'),
          dataIndex: 'sharedWith',
          render: (v: string[]) => (v.length ? v.map((s) => sharedLabel(s, t)).join('；') : t('consent.shared.none')),
        },
      ]}
    />
  );
}

function NoticeDiff({ current, previous }: { current: TNotice; previous: TNotice | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!previous) return <p className="sb-muted">{t('consent.notice.diffFirst')}</p>;
  const parts = diffLines(noticeAsText(previous, locale, t), noticeAsText(current, locale, t));
  if (parts.every((p) => !p.added && !p.removed)) return <p className="sb-muted">{t('consent.notice.diffNone')}</p>;
  return (
    <pre className="sb-notice-diff" data-testid="notice-diff">
      {parts.map((p, i) => (
        <span key={i} className={p.added ? 'is-added' : p.removed ? 'is-removed' : 'is-same'}>
          {p.value
            .split('\n')
            .filter((line, j, all) => j < all.length - 1 || line !== '')
            .map((line) => `${p.added ? '+ ' : p.removed ? '- ' : '  '}${line}\n`)
            .join('')}
        </span>
      ))}
    </pre>
  );
}

/** The privacy notice: the version in force, earlier versions, and what changed from one to the next. */
export function NoticeSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useApiQuery((signal) => getNoticeList(signal), 'notice-list');
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const version = chosen ?? list.data?.current ?? undefined;
  const notice = useApiQuery(
    (signal) => (version ? getNotice(version, signal) : Promise.resolve(undefined)),
    `notice-${version ?? 'none'}`,
  );
  const previous = useApiQuery(
    (signal) => (version && version > 1 ? getNotice(version - 1, signal) : Promise.resolve(undefined)),
    `notice-prev-${version ?? 'none'}`,
  );

  let body;
  if (list.error && !(list.error instanceof ApiError && list.error.status === 404))
    body = <ApiErrorAlert error={list.error} onRetry={list.reload} />;
  else if (list.loading && !list.data) body = <Skeleton active />;
  else if (!version) body = <Empty description={t('consent.notice.unavailable')} />;
  else if (notice.error) body = <ApiErrorAlert error={notice.error} onRetry={notice.reload} />;
  else if (!notice.data) body = <Skeleton active />;
  else {
    const n = notice.data;
    body = (
      <div data-testid="notice-body">
        <Space wrap className="sb-notice-meta">
          <Select
            value={n.version}
            onChange={(v: number) => setChosen(v)}
            aria-label={t('consent.notice.versions')}
            data-testid="notice-version-select"
            options={(list.data?.versions ?? []).map((v) => ({
              value: v.version,
              label: `${t('consent.notice.version', { version: v.version })}${v.version === list.data?.current ? ` · ${t('consent.notice.current')}` : ''}${list.data?.current !== null && v.version > (list.data?.current ?? 0) ? ` · ${t('consent.notice.upcoming')}` : ''}`,
            }))}
          />
          <span>{t('consent.notice.effectiveAt', { time: formatDateTime(n.effectiveAt, locale) })}</span>
          <span className="sb-muted">{t('consent.notice.publishedAt', { time: formatDateTime(n.publishedAt, locale) })}</span>
        </Space>
        {n.ruleChange ? (
          <Alert
            type="info"
            showIcon
            title={t('consent.notice.ruleChange', {
              purposes: n.changedPurposes.map((p) => t(`codes.purposes.${p}` as 'codes.purposes.account_service')).join('、'),
            })}
          />
        ) : null}
        <div className="sb-notice-prose" data-testid="notice-prose">
          {n.prose[locale].split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </div>
        <h3>{t('consent.notice.inventoryTitle')}</h3>
        <InventoryTable items={n.inventory} />
        {n.version > 1 ? <h3>{t('consent.notice.diffTitle', { version: n.version - 1 })}</h3> : null}
        <NoticeDiff current={n} previous={previous.data} />
      </div>
    );
  }
  return (
    <section id="notice" className="sb-privacy-section" data-testid="privacy-notice">
      <h2>{t('consent.notice.title')}</h2>
      <p>{t('consent.notice.intro')}</p>
      {body}
    </section>
  );
}
