import { Alert, Button, Card, Checkbox, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { Role, TConductCurrent, TStaffStanding } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { publishConduct } from '../api/staff-api.ts';
import { useServerForm } from './use-server-form.ts';

/** The code of conduct: the current text, who has acknowledged it, and publishing a new version (which closes every gate). */
export function ConductPanel({
  conduct,
  staff,
  loading,
  onPublished,
}: {
  conduct: TConductCurrent | undefined;
  staff: readonly TStaffStanding[];
  loading: boolean;
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [onlyPending, setOnlyPending] = useState(false);
  const [published, setPublished] = useState<number | undefined>(undefined);
  const current = conduct?.current ?? null;
  const done = staff.filter((s) => s.conductAcknowledgedAt !== null).length;
  const rows = [...staff]
    .filter((s) => !onlyPending || s.conductAcknowledgedAt === null)
    .sort((a, b) => Number(a.conductAcknowledgedAt !== null) - Number(b.conductAcknowledgedAt !== null));
  const required = [{ required: true, message: t('staff.programAdmin.required') }];

  const { error, save } = useServerForm(form, ['title', 'body']);
  const publish = () =>
    save(async (values) => {
      const next = await publishConduct(values);
      setPublished(next.version);
      form.resetFields();
      onPublished();
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" data-testid="conduct-current" title={current ? current.title : undefined}>
        {current ? (
          <>
            <Typography.Text type="secondary">
              {t('staff.programAdmin.conduct.current', { version: current.version, date: formatDateTime(current.publishedAt, locale) })}
            </Typography.Text>
            <Typography.Paragraph className="sb-program-text">{current.body}</Typography.Paragraph>
          </>
        ) : (
          <Typography.Text>{t('staff.programAdmin.conduct.none')}</Typography.Text>
        )}
      </Card>
      <Space wrap>
        <Typography.Text strong data-testid="conduct-summary">
          {t('staff.programAdmin.conduct.ackSummary', { done, total: staff.length })}
        </Typography.Text>
        <Checkbox checked={onlyPending} onChange={(e) => setOnlyPending(e.target.checked)}>
          {t('staff.programAdmin.conduct.onlyPending')}
        </Checkbox>
      </Space>
      <ResponsiveTable<TStaffStanding>
        rowKey="accountId"
        loading={loading}
        pagination={false}
        size="small"
        data-testid="conduct-staff"
        dataSource={rows}
        columns={[
          { title: t('staff.programAdmin.col.staffNo'), dataIndex: 'staffNo', key: 'staffNo' },
          { title: t('staff.programAdmin.col.loginName'), dataIndex: 'loginName', key: 'loginName' },
          {
            title: t('staff.programAdmin.col.roles'),
            dataIndex: 'roles',
            key: 'roles',
            render: (roles: Role[]) => roles.map((r) => t(`roles.${r}`)).join('、'),
          },
          {
            title: t('staff.programAdmin.col.acknowledged'),
            dataIndex: 'conductAcknowledgedAt',
            key: 'ack',
            render: (at: string | null) =>
              at ? (
                <Tag color="green">{t('staff.programAdmin.conduct.acknowledgedAt', { date: formatDateTime(at, locale) })}</Tag>
              ) : (
                <Tag color="orange">{t('staff.programAdmin.conduct.pending')}</Tag>
              ),
          },
        ]}
      />
      <Card size="small" title={t('staff.programAdmin.conduct.publishTitle')}>
        <Alert type="warning" showIcon title={t('staff.programAdmin.conduct.publishWarning')} className="sb-program-note" />
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="title" label={t('staff.programAdmin.conduct.fields.title')} rules={required}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="body" label={t('staff.programAdmin.conduct.fields.body')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={8000} showCount />
          </Form.Item>
        </Form>
        <Space direction="vertical" style={{ width: '100%' }}>
          {error !== undefined ? <ApiErrorAlert error={error} /> : null}
          {published !== undefined ? (
            <Alert type="success" showIcon title={t('staff.programAdmin.conduct.published', { n: published })} />
          ) : null}
          <Popconfirm
            title={
              <div className="sb-program-confirm">{t('staff.programAdmin.conduct.publishConfirm', { n: (current?.version ?? 0) + 1 })}</div>
            }
            onConfirm={() => void publish()}
            okButtonProps={{ danger: true }}
          >
            <Button danger type="primary" data-testid="conduct-publish">
              {t('staff.programAdmin.conduct.publish')}
            </Button>
          </Popconfirm>
        </Space>
      </Card>
    </Space>
  );
}
