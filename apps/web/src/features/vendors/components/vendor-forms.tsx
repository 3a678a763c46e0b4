import { Checkbox, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import {
  CONTRACT_CLAUSES,
  DATA_CATEGORIES,
  PURPOSES,
  VENDOR_ROLES,
  VENDOR_SERVICES,
  type TContractRequest,
  type TCreateVendorRequest,
} from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { dayToIso } from './use-action.ts';

type Props<T> = { open: boolean; onCancel: () => void; onSubmit: (value: T) => Promise<boolean> };

/** Registers a recipient: role, service, country, purposes, categories, review interval. */
export function RegisterVendorModal({ open, onCancel, onSubmit }: Props<TCreateVendorRequest>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={t('vendors.vendor.register')}
      okText={t('vendors.form.save')}
      cancelText={t('vendors.form.cancel')}
      onCancel={onCancel}
      onOk={() =>
        void form.validateFields().then(async (v) => {
          const ok = await onSubmit({
            vendorKey: v.vendorKey,
            name: { 'zh-CN': v.nameZh, en: v.nameEn },
            role: v.role,
            service: v.service,
            country: String(v.country).toUpperCase(),
            purposes: v.purposes,
            categories: v.categories,
            sensitive: Boolean(v.sensitive),
            reviewIntervalDays: v.reviewIntervalDays,
          });
          if (ok) form.resetFields();
        })
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'entrusted_processor', service: 'other', country: 'CN', reviewIntervalDays: 365 }}
      >
        <Form.Item name="vendorKey" label={t('vendors.form.vendorKey')} rules={[{ required: true, pattern: /^[a-z0-9_]{2,40}$/ }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameZh" label={t('vendors.form.nameZh')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('vendors.form.nameEn')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('vendors.vendor.role')}>
          <Select options={VENDOR_ROLES.map((r) => ({ value: r, label: t(`vendors.roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="service" label={t('vendors.vendor.key')}>
          <Select options={VENDOR_SERVICES.map((s) => ({ value: s, label: t(`vendors.services.${s}`) }))} />
        </Form.Item>
        <Form.Item name="country" label={t('vendors.vendor.country')} rules={[{ required: true, pattern: /^[A-Za-z]{2}$/ }]}>
          <Input maxLength={2} />
        </Form.Item>
        <Form.Item name="purposes" label={t('vendors.form.purposes')} rules={[{ required: true }]}>
          <Select mode="multiple" options={PURPOSES.map((p) => ({ value: p, label: t(`codes.purposes.${p}`) }))} />
        </Form.Item>
        <Form.Item name="categories" label={t('vendors.form.categories')} rules={[{ required: true }]}>
          <Select mode="multiple" options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`codes.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="sensitive" label={t('vendors.form.sensitive')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="reviewIntervalDays" label={t('vendors.form.reviewIntervalDays')}>
          <InputNumber min={30} max={730} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Records a contract: reference, the clause checklist, start and end days. */
export function ContractModal({ open, onCancel, onSubmit }: Props<TContractRequest>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={t('vendors.vendor.addContract')}
      okText={t('vendors.form.save')}
      cancelText={t('vendors.form.cancel')}
      onCancel={onCancel}
      onOk={() =>
        void form.validateFields().then(async (v) => {
          const ok = await onSubmit({
            reference: v.reference,
            clauses: v.clauses ?? [],
            startsAt: dayToIso(v.startsAt),
            endsAt: dayToIso(v.endsAt),
          });
          if (ok) form.resetFields();
        })
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reference" label={t('vendors.form.reference')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="clauses" label={t('vendors.form.clauses')}>
          <Checkbox.Group options={CONTRACT_CLAUSES.map((c) => ({ value: c, label: t(`vendors.clauses.${c}`) }))} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('vendors.form.startsAt')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('vendors.form.endsAt')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The recipient's return-or-deletion statement at the end of a relationship. */
export function AttestationModal({ open, onCancel, onSubmit }: Props<string>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={t('vendors.vendor.attest')}
      okText={t('vendors.form.save')}
      cancelText={t('vendors.form.cancel')}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(async (v) => (await onSubmit(v.statement)) && form.resetFields())}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="statement" label={t('vendors.form.statement')} rules={[{ required: true, min: 4, max: 2000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
