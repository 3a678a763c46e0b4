import { Button, Card, Popconfirm, Select, Space, Tag } from 'antd';
import { STAFF_ROLES } from '@sealbridge/contracts';
import type { Role, TStaffMember } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { listReassignments, listStaff, offboardStaff, reassignClient, setStaffRoles } from '../api/staff-api.ts';
import { CreateStaffForm } from '../components/create-staff-form.tsx';
import { formatDateTime as formatInstant } from '../../../shared/i18n/format-date-time.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

/** `/console/staff` — admins create staff, change roles, offboard, and reassign the clients of those who left. */
export function StaffAdminPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle('staffAdmin');
  const staff = useApiQuery((signal) => listStaff(signal), 'staff');
  const flagged = useApiQuery((signal) => listReassignments(signal), 'reassignments');
  const [editing, setEditing] = useState<{ id: string; roles: Role[] } | undefined>(undefined);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  async function run(work: () => Promise<unknown>) {
    setError(undefined);
    try {
      await work();
      staff.reload();
      flagged.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  const brokers = (staff.data?.items ?? []).filter((m) => m.status === 'active' && m.roles.includes('broker'));
  const columns = [
    { title: t('staff.admin.staffNo'), dataIndex: 'staffNo', key: 'staffNo' },
    { title: t('staff.admin.loginName'), dataIndex: 'loginName', key: 'loginName' },
    {
      title: t('staff.admin.roles'),
      key: 'roles',
      render: (_: unknown, m: TStaffMember) =>
        editing?.id === m.accountId ? (
          <Space>
            <Select<Role[]>
              mode="multiple"
              style={{ minWidth: 200 }}
              value={editing.roles}
              onChange={(roles) => setEditing({ id: m.accountId, roles })}
              options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
            <Button
              size="small"
              type="primary"
              onClick={() => void run(() => setStaffRoles(m.accountId, editing.roles)).then(() => setEditing(undefined))}
            >
              {t('staff.admin.saveRoles')}
            </Button>
          </Space>
        ) : (
          m.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>)
        ),
    },
    { title: t('staff.admin.workEmail'), key: 'workEmail', render: (_: unknown, m: TStaffMember) => <FieldViewValue view={m.workEmail} /> },
    {
      title: t('staff.admin.compliance'),
      key: 'compliance',
      render: (_: unknown, m: TStaffMember) => (
        <Space size={4} wrap>
          <Tag color={m.agreementAccepted ? 'green' : 'orange'}>
            {m.agreementAccepted ? t('staff.admin.agreementDone') : t('staff.admin.pending')}
          </Tag>
          <Tag color={m.trainingCompleted ? 'green' : 'orange'}>
            {m.trainingCompleted ? t('staff.admin.trainingDone') : t('staff.admin.pending')}
          </Tag>
        </Space>
      ),
    },
    {
      title: t('staff.admin.status'),
      key: 'status',
      render: (_: unknown, m: TStaffMember) => (
        <Tag color={m.status === 'active' ? 'blue' : 'default'}>{t(`staff.admin.statuses.${m.status}`)}</Tag>
      ),
    },
    {
      title: t('staff.admin.actions'),
      key: 'actions',
      render: (_: unknown, m: TStaffMember) =>
        m.status === 'active' && (
          <Space>
            <Button size="small" onClick={() => setEditing({ id: m.accountId, roles: m.roles })}>
              {t('staff.admin.editRoles')}
            </Button>
            <Popconfirm
              title={t('staff.admin.offboardConfirm')}
              onConfirm={() =>
                void run(async () => {
                  const done = await offboardStaff(m.accountId);
                  setNotice(t('staff.admin.offboarded', { sessions: done.sessionsEnded, clients: done.clientsFlagged }));
                })
              }
            >
              <Button size="small" danger data-testid="offboard">
                {t('staff.admin.offboard')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <div className="sb-staff-page">
      <header className="sb-console-page-header">
        <h1>{t('staff.admin.title')}</h1>
        <p>{t('staff.admin.intro')}</p>
      </header>
      <Card title={t('staff.admin.create')}>
        <CreateStaffForm onCreated={() => staff.reload()} />
      </Card>
      {error !== undefined && <ApiErrorAlert error={error} />}
      {notice && <p data-testid="offboard-notice">{notice}</p>}
      <Card title={t('staff.admin.listTitle')}>
        {staff.error !== undefined && <ApiErrorAlert error={staff.error} onRetry={staff.reload} />}
        <ResponsiveTable
          rowKey="accountId"
          loading={staff.loading}
          dataSource={staff.data?.items ?? []}
          columns={columns}
          pagination={false}
          size="small"
        />
      </Card>
      <Card title={t('staff.admin.reassignTitle')}>
        <ResponsiveTable
          rowKey={(r) => `${r.customerAccountId}:${r.fromAccountId}`}
          loading={flagged.loading}
          dataSource={flagged.data?.items ?? []}
          locale={{ emptyText: t('staff.admin.reassignEmpty') }}
          pagination={false}
          size="small"
          columns={[
            { title: t('staff.admin.customerNo'), dataIndex: 'customerAccountNo', key: 'customer' },
            { title: t('staff.admin.fromStaff'), dataIndex: 'fromStaffNo', key: 'from' },
            { title: t('staff.admin.flaggedAt'), key: 'at', render: (_: unknown, r) => formatInstant(r.flaggedAt, locale) },
            {
              title: t('staff.admin.toBroker'),
              key: 'to',
              render: (_: unknown, r) => {
                const key = `${r.customerAccountId}:${r.fromAccountId}`;
                return (
                  <Space>
                    <Select
                      style={{ minWidth: 160 }}
                      value={targets[key]}
                      onChange={(value: string) => setTargets({ ...targets, [key]: value })}
                      options={brokers.map((b) => ({ value: b.accountId, label: b.staffNo }))}
                    />
                    <Button
                      size="small"
                      type="primary"
                      disabled={!targets[key]}
                      onClick={() =>
                        void run(() =>
                          reassignClient({
                            customerAccountId: r.customerAccountId,
                            fromAccountId: r.fromAccountId,
                            toAccountId: targets[key] ?? '',
                          }),
                        )
                      }
                    >
                      {t('staff.admin.reassign')}
                    </Button>
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
    </div>
  );
}
