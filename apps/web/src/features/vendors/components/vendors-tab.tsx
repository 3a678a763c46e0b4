import { Button, Dropdown, Popconfirm, Space, Tag } from 'antd';
import type { TVendor } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import {
  attestDeletion,
  createVendor,
  endVendor,
  getVendors,
  markReviewed,
  recordContract,
  recordSecurityAssessment,
} from '../api/vendors-api.ts';
import { useAction } from './use-action.ts';
import { AttestationModal, ContractModal, RegisterVendorModal } from './vendor-forms.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

const day = (iso: string) => iso.slice(0, 10);

function ContractCell({ v }: { v: TVendor }) {
  const { t } = useTranslation();
  const c = v.contract;
  if (!c) return <Tag color="red">{t('vendors.vendor.noContract')}</Tag>;
  if (!c.inForce) return <Tag color="red">{t('vendors.vendor.expired')}</Tag>;
  if (c.kind === 'provisional') return <Tag color="orange">{t('vendors.vendor.provisional', { date: day(c.endsAt) })}</Tag>;
  return (
    <Space direction="vertical" size={0}>
      <Tag color={c.missingClauses.length ? 'red' : 'green'}>{t('vendors.vendor.inForceUntil', { date: day(c.endsAt) })}</Tag>
      {c.missingClauses.length ? <span className="sb-muted">{t('vendors.vendor.missing', { count: c.missingClauses.length })}</span> : null}
    </Space>
  );
}

/** The registry: each recipient with role, contract, security assessment, review schedule and end-of-relationship. */
export function VendorsTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { round, error, run } = useAction();
  const query = useApiQuery((s) => getVendors(s), `vendors-${round}`);
  const [dialog, setDialog] = useState<{ kind: 'register' } | { kind: 'contract' | 'attest'; id: string } | null>(null);
  const close = () => setDialog(null);
  return (
    <div data-testid="vendors">
      <Button type="primary" onClick={() => setDialog({ kind: 'register' })}>
        {t('vendors.vendor.register')}
      </Button>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <ResponsiveTable<TVendor>
        rowKey="id"
        size="small"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 980 }}
        pagination={false}
        columns={[
          {
            title: t('vendors.vendor.name'),
            key: 'name',
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                <strong>{r.name[locale]}</strong>
                <span className="sb-muted">
                  {r.vendorKey} · {t(`vendors.sources.${r.source}`)}
                </span>
              </Space>
            ),
          },
          { title: t('vendors.vendor.role'), dataIndex: 'role', render: (v: TVendor['role']) => t(`vendors.roles.${v}`) },
          {
            title: t('vendors.vendor.country'),
            dataIndex: 'country',
            render: (v: string) => <Tag color={v === 'CN' ? 'default' : 'purple'}>{v}</Tag>,
          },
          { title: t('vendors.vendor.contract'), key: 'contract', render: (_v, r) => <ContractCell v={r} /> },
          {
            title: t('vendors.vendor.assessment'),
            dataIndex: 'securityAssessment',
            render: (v: string | null) =>
              v ? t(`vendors.vendor.results.${v as 'passed' | 'conditional' | 'failed'}`) : t('vendors.vendor.notAssessed'),
          },
          {
            title: t('vendors.vendor.review'),
            key: 'review',
            render: (_v, r) =>
              r.reviewDue ? <Tag color="orange">{t('vendors.vendor.reviewDue')}</Tag> : formatDateTime(r.nextReviewAt, locale),
          },
          {
            title: t('vendors.vendor.status'),
            key: 'status',
            render: (_v, r) =>
              r.status === 'active' ? (
                <Tag color="green">{t('vendors.vendor.active')}</Tag>
              ) : (
                <Tag color={r.deletionAttestedAt ? 'default' : 'red'}>
                  {t(r.deletionAttestedAt ? 'vendors.vendor.attested' : 'vendors.vendor.attestationOwed')}
                </Tag>
              ),
          },
          {
            title: '',
            key: 'actions',
            render: (_v, r) =>
              r.status === 'active' ? (
                <Space wrap>
                  <Button size="small" onClick={() => setDialog({ kind: 'contract', id: r.id })}>
                    {t('vendors.vendor.addContract')}
                  </Button>
                  <Button size="small" onClick={() => void run(() => markReviewed(r.id))}>
                    {t('vendors.vendor.reviewed')}
                  </Button>
                  <Dropdown
                    menu={{
                      items: (['passed', 'conditional', 'failed'] as const).map((result) => ({
                        key: result,
                        label: t(`vendors.vendor.results.${result}`),
                        onClick: () => void run(() => recordSecurityAssessment(r.id, result)),
                      })),
                    }}
                  >
                    <Button size="small">{t('vendors.vendor.assess')}</Button>
                  </Dropdown>
                  <Popconfirm title={t('vendors.vendor.confirmEnd')} onConfirm={() => void run(() => endVendor(r.id))}>
                    <Button size="small" danger>
                      {t('vendors.vendor.end')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : r.deletionAttestedAt ? null : (
                <Button size="small" onClick={() => setDialog({ kind: 'attest', id: r.id })}>
                  {t('vendors.vendor.attest')}
                </Button>
              ),
          },
        ]}
      />
      <RegisterVendorModal
        open={dialog?.kind === 'register'}
        onCancel={close}
        onSubmit={async (body) => (await run(() => createVendor(body))) && (close(), true)}
      />
      <ContractModal
        open={dialog?.kind === 'contract'}
        onCancel={close}
        onSubmit={async (body) => dialog?.kind === 'contract' && (await run(() => recordContract(dialog.id, body))) && (close(), true)}
      />
      <AttestationModal
        open={dialog?.kind === 'attest'}
        onCancel={close}
        onSubmit={async (text) => dialog?.kind === 'attest' && (await run(() => attestDeletion(dialog.id, text))) && (close(), true)}
      />
    </div>
  );
}
