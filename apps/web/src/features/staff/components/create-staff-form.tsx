import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { STAFF_ROLES } from '@sealbridge/contracts';
import type { TCreateStaffRequest } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { createStaff } from '../api/staff-api.ts';
import { usePhone } from '../../../shared/ui/responsive-table.tsx';

/** Creates a staff account; the initial password is shown once, in a modal that cannot be reopened. */
export function CreateStaffForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TCreateStaffRequest>();
  // An inline form of four fields does not fit a phone: one field under the other there.
  const phone = usePhone();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<string | undefined>(undefined);

  async function submit(values: TCreateStaffRequest) {
    setBusy(true);
    setError(undefined);
    try {
      const created = await createStaff({ ...values, ...(values.workEmail ? {} : { workEmail: undefined }) });
      setPassword(created.initialPassword);
      form.resetFields();
      onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Form form={form} layout={phone ? 'vertical' : 'inline'} onFinish={(v) => void submit(v)} data-testid="create-staff-form">
        <Form.Item name="loginName" label={t('staff.admin.loginName')} rules={[{ required: true, message: t('staff.admin.required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="staffNo" label={t('staff.admin.staffNo')} rules={[{ required: true, message: t('staff.admin.required') }]}>
          <Input placeholder="S-1002" />
        </Form.Item>
        <Form.Item name="roles" label={t('staff.admin.roles')} rules={[{ required: true, message: t('staff.admin.required') }]}>
          <Select
            mode="multiple"
            style={{ minWidth: 220 }}
            options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="workEmail" label={t('staff.admin.workEmail')}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('staff.admin.submit')}
        </Button>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} className="sb-staff-error" />}
      <Modal
        open={password !== undefined}
        title={t('staff.admin.initialPasswordTitle')}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setPassword(undefined)}>
            {t('staff.admin.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('staff.admin.initialPasswordBody')} />
        <Typography.Paragraph copyable code className="sb-staff-password" data-testid="initial-password">
          {password}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
