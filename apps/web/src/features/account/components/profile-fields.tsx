import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { PROFILE_FIELDS } from '@sealbridge/contracts';
import type { ProfileField, TFieldView, TProfileResponse } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';

type Props = {
  profile: TProfileResponse;
  /** Plaintext the customer asked to see on this page; forgotten when the page unmounts. */
  revealed: Partial<Record<ProfileField, TFieldView>>;
  revealing: ProfileField | undefined;
  onReveal: (field: ProfileField) => void;
  onHide: (field: ProfileField) => void;
};

/** My personal fields, one row each: name, value in its state, and a show / hide action for masked values. */
export function ProfileFields({ profile, revealed, revealing, onReveal, onHide }: Props) {
  const { t } = useTranslation();
  return (
    <dl className="sb-profile-fields">
      {PROFILE_FIELDS.map((name) => {
        const view = revealed[name] ?? profile.fields[name];
        const label = t(`codes.profileFields.${name}`);
        return (
          <div key={name} className="sb-profile-row">
            <dt>{label}</dt>
            <dd data-testid={`profile-field-${name}`} data-state={view.state}>
              <FieldViewValue view={view} erasedTestId={`profile-erased-${name}`} />
            </dd>
            <dd className="sb-profile-action">
              {view.state === 'masked' && (
                <Button
                  size="small"
                  type="link"
                  icon={<EyeOutlined />}
                  loading={revealing === name}
                  onClick={() => onReveal(name)}
                  aria-label={t('account.profile.revealLabel', { field: label })}
                  data-testid={`profile-reveal-${name}`}
                >
                  {t('account.profile.reveal')}
                </Button>
              )}
              {view.state === 'revealed' && (
                <Button
                  size="small"
                  type="link"
                  icon={<EyeInvisibleOutlined />}
                  onClick={() => onHide(name)}
                  aria-label={t('account.profile.hideLabel', { field: label })}
                  data-testid={`profile-hide-${name}`}
                >
                  {t('account.profile.hide')}
                </Button>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
