import { Alert, App, Button, Form, Input } from 'antd';
import { PROFILE_FIELDS } from '@sealbridge/contracts';
import type { ProfileField, TProfileResponse, TUpdateProfileRequest } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rejectedProfileFields } from '../../../shared/api/profile-field-errors.ts';
import { isAcceptableProfileValue } from '../../../shared/api/profile-field-rules.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { isStepUpCancelled } from '../../security/api/step-up-retry.ts';
import { useStepUp } from '../../security/step-up/step-up-context.ts';
import { updateMyProfile } from '../api/profile-api.ts';

type Values = Partial<Record<ProfileField, string>>;
type Props = { profile: TProfileResponse; onSaved: (profile: TProfileResponse) => void; onCancel: () => void };

const AUTOCOMPLETE: Record<ProfileField, string> = {
  realName: 'name',
  mobile: 'tel',
  email: 'email',
  wechat: 'off',
  idNumber: 'off',
  address: 'street-address',
};

/** Only the fields the customer filled in, trimmed: empty means "leave as it is". */
function changes(values: Values): TUpdateProfileRequest {
  const out: TUpdateProfileRequest = {};
  for (const name of PROFILE_FIELDS) {
    const value = values[name]?.trim();
    if (value) out[name] = value;
  }
  return out;
}

/**
 * Edits my data. Not pre-filled (no plaintext on screen that was not asked for); each identifier is checked
 * with @sealbridge/cn-identifiers before sending, and fields the server rejects are marked.
 */
export function ProfileEditForm({ profile, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [empty, setEmpty] = useState(false);

  const submit = async (values: Values) => {
    const request = changes(values);
    setError(undefined);
    setEmpty(Object.keys(request).length === 0);
    if (Object.keys(request).length === 0) return;
    setSaving(true);
    try {
      // Changing contact fields needs a recent re-authentication (the server says so with STEP_UP_REQUIRED).
      const saved = await withStepUp(() => updateMyProfile(request));
      form.resetFields();
      void message.success(t('account.profile.saved'));
      onSaved(saved);
    } catch (failure) {
      if (isStepUpCancelled(failure)) return;
      setError(failure);
      const rejected = rejectedProfileFields(failure);
      form.setFields(rejected.map((name) => ({ name, errors: [t(`codes.invalid.${name}`)] })));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="profile-form" className="sb-profile-form">
      <p className="sb-muted sb-profile-form-hint">{t('account.profile.editHint')}</p>
      {error !== undefined && <ApiErrorAlert error={error} testId="profile-save-error" className="sb-profile-alert" />}
      {empty && <Alert type="warning" showIcon title={t('account.profile.nothingToSave')} className="sb-profile-alert" />}
      <div className="sb-profile-form-grid">
        {PROFILE_FIELDS.map((name) => {
          const current = profile.fields[name];
          return (
            <Form.Item
              key={name}
              name={name}
              label={t(`codes.profileFields.${name}`)}
              extra={current.state === 'masked' ? t('account.profile.currentValue', { value: current.value }) : undefined}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    isAcceptableProfileValue(name, value) ? Promise.resolve() : Promise.reject(new Error(t(`codes.invalid.${name}`))),
                },
              ]}
              validateDebounce={300}
            >
              <Input
                placeholder={t(`account.profile.placeholders.${name}`)}
                autoComplete={AUTOCOMPLETE[name]}
                allowClear
                data-testid={`profile-input-${name}`}
              />
            </Form.Item>
          );
        })}
      </div>
      <div className="sb-profile-form-actions">
        <Button onClick={onCancel}>{t('account.profile.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="profile-save">
          {t('account.profile.save')}
        </Button>
      </div>
    </Form>
  );
}
