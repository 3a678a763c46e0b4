import '../advisers.css';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Tag } from 'antd';
import type { TAdviserAssignment, TAdviserRule, TAdvisersOverview } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { isRole } from '../../../shared/i18n/known-codes.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getRegions } from '../../listings/api/listings-api.ts';
import { INDUSTRIES } from '../../listings/components/filter-panel.tsx';
import { advisersApi } from '../api/advisers-api.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

const CUSTOMER_NO = /^[A-Z]-\d{4,8}$/;
const PAGE_SIZE = 20;
type RuleValues = { provinceCode?: string; industry?: string; brokerAccountId: string };

function useBrokerOptions(overview: TAdvisersOverview | undefined) {
  const { t } = useTranslation();
  return (overview?.brokers ?? []).map((b) => ({
    value: b.accountId,
    label: t('advisers.admin.brokerOption', { staffNo: b.staffNo, load: b.load }),
  }));
}

/** Rules: province and/or industry → broker. */
function RulesCard({ overview, onChanged }: { overview: TAdvisersOverview | undefined; onChanged: (next: TAdvisersOverview) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const regions = useApiQuery((signal) => getRegions(signal), 'regions');
  const provinces = regions.data?.provinces ?? [];
  const provinceName = (code: string | null) => (code ? (provinces.find((p) => p.code === code)?.name ?? code) : t('advisers.admin.any'));
  const brokers = useBrokerOptions(overview);

  const add = async (values: RuleValues) => {
    if (!values.provinceCode && !values.industry) {
      void message.warning(t('advisers.admin.needOne'));
      return;
    }
    try {
      onChanged(
        await advisersApi.addRule({
          provinceCode: values.provinceCode ?? null,
          industry: values.industry ?? null,
          brokerAccountId: values.brokerAccountId,
        }),
      );
      form.resetFields();
      void message.success(t('advisers.admin.added'));
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };
  const remove = async (rule: TAdviserRule) => {
    try {
      onChanged(await advisersApi.removeRule(rule.id));
      void message.success(t('advisers.admin.removed'));
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  return (
    <Card title={t('advisers.admin.rulesTitle')} data-testid="adviser-rules">
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} className="sb-rule-form">
        <Form.Item name="provinceCode">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('advisers.admin.province')}
            aria-label={t('advisers.admin.province')}
            options={provinces.map((p) => ({ value: p.code, label: p.name }))}
            data-testid="rule-province"
          />
        </Form.Item>
        <Form.Item name="industry">
          <Select
            allowClear
            showSearch
            placeholder={t('advisers.admin.industry')}
            aria-label={t('advisers.admin.industry')}
            options={INDUSTRIES.map((i) => ({ value: i, label: i }))}
            data-testid="rule-industry"
          />
        </Form.Item>
        <Form.Item name="brokerAccountId" rules={[{ required: true, message: t('advisers.admin.brokerRequired') }]}>
          <Select
            placeholder={t('advisers.admin.broker')}
            aria-label={t('advisers.admin.broker')}
            options={brokers}
            data-testid="rule-broker"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="rule-add">
            {t('advisers.admin.add')}
          </Button>
        </Form.Item>
      </Form>
      <ResponsiveTable<TAdviserRule>
        actionsColumn="remove"
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={overview?.rules ?? []}
        locale={{ emptyText: t('advisers.admin.rulesEmpty') }}
        columns={[
          { title: t('advisers.admin.province'), dataIndex: 'provinceCode', render: (v: string | null) => provinceName(v) },
          { title: t('advisers.admin.industry'), dataIndex: 'industry', render: (v: string | null) => v ?? t('advisers.admin.any') },
          { title: t('advisers.admin.broker'), dataIndex: 'brokerStaffNo' },
          { title: t('advisers.admin.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('common.actions'),
            key: 'remove',
            render: (_: unknown, rule) => (
              <Popconfirm
                title={t('advisers.admin.removeTitle')}
                okText={t('advisers.admin.remove')}
                cancelText={t('disclosure.cancel')}
                onConfirm={() => void remove(rule)}
              >
                <Button size="small" danger>
                  {t('advisers.admin.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Customers with their adviser, searchable by customer number, paginated; reassign to another broker. */
function AssignmentsCard({ overview, onReassigned }: { overview: TAdvisersOverview | undefined; onReassigned: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [customerNo, setCustomerNo] = useState<string | undefined>(undefined);
  const [invalid, setInvalid] = useState(false);
  const [round, setRound] = useState(0);
  const [target, setTarget] = useState<{ row: TAdviserAssignment; broker?: string } | undefined>(undefined);
  const query = useApiQuery(
    (signal) => advisersApi.assignments(page, PAGE_SIZE, customerNo, signal),
    `assignments-${page}-${customerNo ?? ''}-${round}`,
  );
  const brokers = useBrokerOptions(overview);

  const search = (value: string) => {
    const v = value.trim().toUpperCase();
    if (v && !CUSTOMER_NO.test(v)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setPage(1);
    setCustomerNo(v || undefined);
  };
  const reassign = async () => {
    if (!target?.broker) return;
    try {
      await advisersApi.reassign(target.row.customerAccountId, target.broker);
      void message.success(t('advisers.admin.reassigned'));
      setTarget(undefined);
      setRound((n) => n + 1);
      onReassigned();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  return (
    <Card title={t('advisers.admin.customersTitle')} data-testid="adviser-assignments" className="sb-admin-card">
      <Input.Search
        allowClear
        placeholder={t('advisers.admin.search')}
        onSearch={search}
        status={invalid ? 'error' : undefined}
        className="sb-assignment-search"
        data-testid="assignment-search"
      />
      {invalid && <p className="sb-muted">{t('advisers.admin.searchInvalid')}</p>}
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={() => setRound((n) => n + 1)} />}
      <ResponsiveTable<TAdviserAssignment>
        actionsColumn="reassign"
        rowKey="customerAccountId"
        size="small"
        loading={query.loading}
        scroll={{ x: 'max-content' }}
        dataSource={query.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('advisers.admin.customerNo'), dataIndex: 'customerNo' },
          {
            title: t('advisers.admin.roles'),
            dataIndex: 'roles',
            render: (roles: string[]) => roles.map((r) => <Tag key={r}>{isRole(r) ? t(`roles.${r}`) : r}</Tag>),
          },
          {
            title: t('advisers.admin.adviser'),
            dataIndex: 'brokerStaffNo',
            render: (v: string | null) => v ?? <span className="sb-muted">{t('advisers.admin.none')}</span>,
          },
          { title: t('advisers.admin.since'), dataIndex: 'since', render: (v: string | null) => (v ? formatDateTime(v, locale) : '—') },
          {
            title: t('advisers.admin.actions'),
            key: 'reassign',
            render: (_: unknown, row) => (
              <Button size="small" onClick={() => setTarget({ row })} data-testid={`reassign-${row.customerNo}`}>
                {t('advisers.admin.reassign')}
              </Button>
            ),
          },
        ]}
      />
      {target && (
        <Modal
          open
          title={t('advisers.admin.reassignTitle', { no: target.row.customerNo })}
          onCancel={() => setTarget(undefined)}
          onOk={() => void reassign()}
          okText={t('advisers.admin.reassign')}
          cancelText={t('disclosure.cancel')}
          okButtonProps={{ disabled: !target.broker }}
        >
          <p className="sb-muted">{t('advisers.admin.reassignHint')}</p>
          <Select
            className="sb-full-width"
            value={target.broker}
            onChange={(broker: string) => setTarget({ ...target, broker })}
            options={brokers.filter((b) => b.value !== target.row.brokerAccountId)}
            placeholder={t('advisers.admin.broker')}
            data-testid="reassign-broker"
          />
        </Modal>
      )}
    </Card>
  );
}

/** `/console/advisers` — 顾问分配 (admin): automatic assignment rules, and customers with their adviser. */
export function AdvisersAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle('advisers');
  const [round, setRound] = useState(0);
  const query = useApiQuery((signal) => advisersApi.overview(signal), `advisers-overview-${round}`);
  const [overview, setOverview] = useState<TAdvisersOverview | undefined>(undefined);
  const current = overview ?? query.data;
  return (
    <div data-testid="advisers-admin-page">
      <header className="sb-console-page-header is-spaced">
        <h1>{t('advisers.admin.title')}</h1>
        <p>{t('advisers.admin.intro')}</p>
      </header>
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={() => setRound((n) => n + 1)} />}
      <div className="sb-stack">
        <RulesCard overview={current} onChanged={setOverview} />
        <AssignmentsCard
          overview={current}
          onReassigned={() => {
            setOverview(undefined);
            setRound((n) => n + 1);
          }}
        />
      </div>
    </div>
  );
}
