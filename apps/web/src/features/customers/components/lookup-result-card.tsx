import { EyeOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { PROFILE_FIELDS } from '@sealbridge/contracts';
import type { ProfileField, TProfileResponse } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';

type Props = { account: TProfileResponse; onView: (field: ProfileField) => void };

/** One customer found by a lookup: masked fields, each with a "view" action that asks for a purpose first. */
export function LookupResultCard({ account, onView }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card
      className="sb-lookup-result"
      data-testid="lookup-result"
      data-account-id={account.accountId}
      title={
        <span className="sb-lookup-result-title">
          <UserOutlined aria-hidden="true" /> {t('customers.lookup.customer')}
          <span className="sb-muted">{t('customers.lookup.accountId', { id: account.accountId })}</span>
        </span>
      }
    >
      <dl className="sb-lookup-fields">
        {PROFILE_FIELDS.map((name) => {
          const view = account.fields[name];
          const label = t(`codes.profileFields.${name}`);
          return (
            <div key={name} className="sb-lookup-field">
              <dt>{label}</dt>
              <dd data-testid={`lookup-field-${name}`}>
                <FieldViewValue view={view} erasedTestId={`lookup-erased-${name}`} />
              </dd>
              <dd className="sb-lookup-field-action">
                {view.state === 'masked' && (
                  <Button
                    size="small"
                    type="link"
                    icon={<EyeOutlined />}
                    onClick={() => onView(name)}
                    aria-label={t('customers.lookup.viewLabel', { field: label })}
                    data-testid={`lookup-reveal-${name}`}
                  >
                    {t('customers.lookup.view')}
                  </Button>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {account.updatedAt && (
        <p className="sb-muted">{t('customers.lookup.updatedAt', { time: formatDateTime(account.updatedAt, locale) })}</p>
      )}
    </Card>
  );
}
