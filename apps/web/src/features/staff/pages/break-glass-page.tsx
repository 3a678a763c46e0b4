import { Button, Card, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { BREAK_GLASS_MAX_MINUTES, BREAK_GLASS_MIN_JUSTIFICATION, PROFILE_FIELDS } from '@sealbridge/contracts';
import type { ProfileField, TBreakGlassGrant, TBreakGlassRequest, TProfileResponse } from '@sealbridge/contracts';
import { useState } from 'react';
import type React from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { useGrantColumns } from '../components/grant-columns.tsx';
import { myBreakGlass, requestBreakGlass, revealUnderGrant } from '../api/staff-api.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

/**
 * `/console/break-glass` — a privacy or security officer opens time-boxed access to one customer and views fields
 * under it. Revealed values live only in this page's state and are gone when the modal closes.
 */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const grantColumns = useGrantColumns();
  useDocumentTitle('breakGlass');
  const [form] = Form.useForm<TBreakGlassRequest>();
  const mine = useApiQuery((signal) => myBreakGlass(signal), 'break-glass-mine');
  const [error, setError] = useState<unknown>(undefined);
  const [viewing, setViewing] = useState<TBreakGlassGrant | undefined>(undefined);
  const [fields, setFields] = useState<ProfileField[]>([]);
  const [revealed, setRevealed] = useState<TProfileResponse | undefined>(undefined);

  async function run(work: () => Promise<unknown>) {
    setError(undefined);
    try {
      await work();
      mine.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  function close() {
    setViewing(undefined);
    setRevealed(undefined);
    setFields([]);
  }

  return (
    <div className="sb-staff-page">
      <header className="sb-console-page-header">
        <h1>{t('staff.breakGlass.title')}</h1>
        <p>{t('staff.breakGlass.intro')}</p>
      </header>
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ minutes: 30 }}
          onFinish={(values) =>
            void run(async () => {
              await requestBreakGlass(values);
              form.resetFields();
            })
          }
          data-testid="break-glass-form"
        >
          <Form.Item
            name="customerAccountNo"
            label={t('staff.breakGlass.customerAccountNo')}
            rules={[{ required: true, message: t('staff.breakGlass.required') }]}
          >
            <Input autoComplete="off" placeholder="C-100001" />
          </Form.Item>
          <Form.Item
            name="justification"
            label={t('staff.breakGlass.justification', { min: BREAK_GLASS_MIN_JUSTIFICATION })}
            rules={[
              {
                required: true,
                min: BREAK_GLASS_MIN_JUSTIFICATION,
                message: t('staff.breakGlass.justification', { min: BREAK_GLASS_MIN_JUSTIFICATION }),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item
            name="minutes"
            label={t('staff.breakGlass.minutes', { max: BREAK_GLASS_MAX_MINUTES })}
            rules={[{ required: true, message: t('staff.breakGlass.required') }]}
          >
            <InputNumber min={5} max={BREAK_GLASS_MAX_MINUTES} />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" data-testid="break-glass-submit">
            {t('staff.breakGlass.submit')}
          </Button>
        </Form>
      </Card>
      {error !== undefined && <ApiErrorAlert error={error} />}
      <Card title={t('staff.breakGlass.mine')}>
        <ResponsiveTable<TBreakGlassGrant>
          actionsColumn="view"
          rowKey="id"
          loading={mine.loading}
          dataSource={mine.data?.items ?? []}
          onRow={() => ({ 'data-testid': 'break-glass-row' }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('staff.breakGlass.empty') }}
          pagination={false}
          size="small"
          columns={[
            { title: t('staff.breakGlass.customer'), dataIndex: 'customerAccountNo', key: 'customer' },
            ...grantColumns,
            {
              title: t('common.actions'),
              key: 'view',
              render: (_: unknown, g) =>
                g.active && (
                  <Button size="small" onClick={() => setViewing(g)} data-testid="break-glass-view">
                    {t('staff.breakGlass.reveal')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal open={viewing !== undefined} title={t('staff.breakGlass.revealTitle')} onCancel={close} footer={null} destroyOnHidden>
        <p>{t('staff.breakGlass.fields')}</p>
        <Checkbox.Group
          value={fields}
          onChange={(values) => setFields(values)}
          options={PROFILE_FIELDS.map((f) => ({ value: f, label: t(`codes.profileFields.${f}`) }))}
        />
        <p>
          <Button
            type="primary"
            data-testid="break-glass-reveal"
            disabled={fields.length === 0 || !viewing}
            onClick={() => void run(async () => viewing && setRevealed(await revealUnderGrant(viewing.id, fields)))}
          >
            {t('staff.breakGlass.reveal')}
          </Button>
        </p>
        {revealed &&
          fields.map((f) => (
            <p key={f}>
              {t(`codes.profileFields.${f}`)}: <FieldViewValue view={revealed.fields[f]} testId={`break-glass-value-${f}`} />
            </p>
          ))}
      </Modal>
    </div>
  );
}
