import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Segmented } from 'antd';
import type { Purpose } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rejectedProfileFields } from '../../../shared/api/profile-field-errors.ts';
import { isAcceptableProfileValue } from '../../../shared/api/profile-field-rules.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { LOOKUP_IDENTIFIERS, lookupCustomers } from '../api/customers-api.ts';
import type { LookupIdentifier, LookupQuery, TLookupResponse } from '../api/customers-api.ts';
import { PurposeSelect } from './purpose-select.tsx';

type Values = { identifier: LookupIdentifier; value: string; purpose: Purpose };
type Props = { onResult: (result: TLookupResponse, query: LookupQuery) => void; onClear: () => void };

/**
 * Identifier type, exact value and purpose of the lookup. The value is checked with @sealbridge/cn-identifiers
 * first; refusals (PURPOSE_NOT_ALLOWED, FORBIDDEN) and invalid identifiers from the server are shown by code.
 */
export function LookupForm({ onResult, onClear }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const identifier = Form.useWatch('identifier', form) ?? 'mobile';
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async (values: Values) => {
    setLoading(true);
    setError(undefined);
    onClear();
    try {
      const query = { identifier: values.identifier, value: values.value, purpose: values.purpose };
      onResult(await lookupCustomers(query), query);
    } catch (failure) {
      setError(failure);
      if (rejectedProfileFields(failure).length > 0) {
        form.setFields([{ name: 'value', errors: [t(`codes.invalid.${values.identifier}`)] }]);
      }
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ identifier: 'mobile' }}
      onFinish={(v) => void submit(v)}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.identifier) form.setFields([{ name: 'value', value: '', errors: [] }]);
      }}
      data-testid="lookup-form"
      className="sb-lookup-form"
    >
      <Form.Item name="identifier" label={t('customers.lookup.identifierType')}>
        <Segmented<LookupIdentifier>
          options={LOOKUP_IDENTIFIERS.map((id) => ({ value: id, label: t(`customers.lookup.identifierTypes.${id}`) }))}
          data-testid="lookup-identifier"
        />
      </Form.Item>
      <div className="sb-lookup-form-row">
        <Form.Item
          name="value"
          label={t('customers.lookup.value')}
          rules={[
            { required: true, whitespace: true, message: t('customers.lookup.valueRequired') },
            {
              validator: (_, value: string | undefined) =>
                isAcceptableProfileValue(identifier, value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`codes.invalid.${identifier}`))),
            },
          ]}
        >
          <Input placeholder={t(`customers.lookup.placeholders.${identifier}`)} autoComplete="off" allowClear data-testid="lookup-value" />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('customers.lookup.purpose')}
          rules={[{ required: true, message: t('customers.lookup.purposeRequired') }]}
          extra={t('customers.lookup.purposeHint')}
        >
          <PurposeSelect testId="lookup-purpose" />
        </Form.Item>
        <Form.Item className="sb-lookup-submit">
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="lookup-submit">
            {t('customers.lookup.submit')}
          </Button>
        </Form.Item>
      </div>
      {error !== undefined && <ApiErrorAlert error={error} testId="lookup-error" />}
    </Form>
  );
}
