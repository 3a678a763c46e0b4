import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { VIOLATION_DECISIONS } from '@sealbridge/contracts';
import type { TRecordViolationRequest, TStaffStanding, TViolation } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { recordViolation } from '../api/staff-api.ts';
import { useServerForm } from './use-server-form.ts';

type Decision = (typeof VIOLATION_DECISIONS)[number];
type Values = { staffAccountId: string; description: string; auditSeqs: string[]; decision: Decision; decisionNote?: string };
const FIELDS = ['staffAccountId', 'description', 'auditSeqs', 'decision', 'decisionNote'] as const;
const DECISION_COLOR: Record<Decision, string> = {
  no_action: 'default',
  warning: 'gold',
  retraining: 'blue',
  access_reduced: 'orange',
  suspended: 'volcano',
  dismissed: 'red',
};

/** 违规处理: record a violation (staff member, what happened, audit record numbers, decision) and read the record. */
export function ViolationsPanel({
  violations,
  staff,
  selfId,
  loading,
  onRecorded,
}: {
  violations: readonly TViolation[];
  staff: readonly TStaffStanding[];
  selfId: string | undefined;
  loading: boolean;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const [recorded, setRecorded] = useState(false);
  const { error, busy, save } = useServerForm(form, FIELDS);
  const [shown, setShown] = useState<TViolation | undefined>(undefined);
  const required = [{ required: true, message: t('staff.programAdmin.required') }];
  const decision = (d: Decision) => t(`staff.programAdmin.violations.decisions.${d}`);
  const seqs = (list: number[]) => list.map((n) => `#${n}`).join(' ');
  const nameOf = (accountId: string, staffNo: string) => {
    const member = staff.find((s) => s.accountId === accountId);
    return member ? `${staffNo} · ${member.loginName}` : staffNo;
  };

  const submit = () =>
    save(async (values) => {
      setRecorded(false);
      const body: TRecordViolationRequest = {
        staffAccountId: values.staffAccountId,
        description: values.description,
        auditSeqs: values.auditSeqs.map(Number),
        decision: values.decision,
        ...(values.decisionNote ? { decisionNote: values.decisionNote } : {}),
      };
      await recordViolation(body);
      setRecorded(true);
      form.resetFields();
      onRecorded();
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={t('staff.programAdmin.violations.recordTitle')}>
        <Typography.Paragraph type="secondary">{t('staff.programAdmin.violations.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark={false} data-testid="violation-form">
          <Form.Item name="staffAccountId" label={t('staff.programAdmin.violations.fields.staffAccountId')} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="violation-staff"
              options={staff
                .filter((s) => s.accountId !== selfId)
                .map((s) => ({ value: s.accountId, label: `${s.staffNo} · ${s.loginName}` }))}
            />
          </Form.Item>
          <Form.Item name="description" label={t('staff.programAdmin.violations.fields.description')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount data-testid="violation-description" />
          </Form.Item>
          <Form.Item
            name="auditSeqs"
            label={t('staff.programAdmin.violations.fields.auditSeqs')}
            extra={t('staff.programAdmin.violations.auditSeqsHelp')}
            rules={[
              ...required,
              {
                validator: async (_rule, value: string[] | undefined) => {
                  if ((value ?? []).some((v) => !/^[1-9]\d{0,14}$/.test(v))) throw new Error(t('staff.programAdmin.errors.invalid'));
                },
              },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', ' ', '，']} data-testid="violation-seqs" />
          </Form.Item>
          <Form.Item name="decision" label={t('staff.programAdmin.violations.fields.decision')} rules={required}>
            <Select data-testid="violation-decision" options={VIOLATION_DECISIONS.map((d) => ({ value: d, label: decision(d) }))} />
          </Form.Item>
          <Form.Item name="decisionNote" label={t('staff.programAdmin.violations.fields.decisionNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </Form>
        <Space direction="vertical" style={{ width: '100%' }}>
          {error !== undefined ? <ApiErrorAlert error={error} testId="violation-error" /> : null}
          {recorded ? <Alert type="success" showIcon title={t('staff.programAdmin.violations.recorded')} /> : null}
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="violation-submit">
            {t('staff.programAdmin.violations.record')}
          </Button>
        </Space>
      </Card>
      <ResponsiveTable<TViolation>
        rowKey="id"
        loading={loading}
        pagination={false}
        size="small"
        data-testid="violation-list"
        locale={{ emptyText: t('staff.programAdmin.violations.empty') }}
        dataSource={[...violations]}
        columns={[
          {
            title: t('staff.programAdmin.col.recordedAt'),
            dataIndex: 'recordedAt',
            key: 'at',
            render: (at: string) => formatDateTime(at, locale),
          },
          {
            title: t('staff.programAdmin.col.staff'),
            dataIndex: 'staffNo',
            key: 'staff',
            render: (no: string, v: TViolation) => nameOf(v.staffAccountId, no),
          },
          {
            title: t('staff.programAdmin.col.decision'),
            dataIndex: 'decision',
            key: 'decision',
            render: (d: Decision) => <Tag color={DECISION_COLOR[d]}>{decision(d)}</Tag>,
          },
          { title: t('staff.programAdmin.col.auditSeqs'), dataIndex: 'auditSeqs', key: 'seqs', render: seqs },
          {
            title: t('staff.programAdmin.col.actions'),
            key: 'actions',
            render: (_: unknown, v: TViolation) => (
              <Button size="small" onClick={() => setShown(v)} data-testid="violation-details">
                {t('staff.programAdmin.violations.details')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={shown !== undefined}
        title={t('staff.programAdmin.violations.detailsTitle')}
        footer={null}
        onCancel={() => setShown(undefined)}
        width={640}
      >
        {shown ? (
          <Descriptions column={1} size="small" bordered data-testid="violation-detail">
            <Descriptions.Item label={t('staff.programAdmin.col.staff')}>{nameOf(shown.staffAccountId, shown.staffNo)}</Descriptions.Item>
            <Descriptions.Item label={t('staff.programAdmin.col.recordedAt')}>{formatDateTime(shown.recordedAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('staff.programAdmin.violations.fields.description')}>
              <span className="sb-program-text">{shown.description}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('staff.programAdmin.col.auditSeqs')}>{seqs(shown.auditSeqs)}</Descriptions.Item>
            <Descriptions.Item label={t('staff.programAdmin.col.decision')}>{decision(shown.decision)}</Descriptions.Item>
            <Descriptions.Item label={t('staff.programAdmin.violations.fields.decisionNote')}>
              <span className="sb-program-text">{shown.decisionNote ?? t('staff.programAdmin.violations.noNote')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('staff.programAdmin.col.conductVersion')}>{shown.conductVersion ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('staff.programAdmin.col.recordedBy')}>{shown.recordedByStaffNo}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </Modal>
    </Space>
  );
}
