import '../account.css';
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton } from 'antd';
import type { ProfileField, TFieldView, TProfileResponse } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { isStepUpCancelled } from '../../security/api/step-up-retry.ts';
import { useStepUp } from '../../security/step-up/step-up-context.ts';
import { getMyProfile, revealMyFields } from '../api/profile-api.ts';
import { CustomerGate } from '../components/customer-gate.tsx';
import { ProfileEditForm } from '../components/profile-edit-form.tsx';
import { ProfileFields } from '../components/profile-fields.tsx';
import { ProfileNotices } from '../components/profile-notices.tsx';
import { MyAdviserCard } from '../../advisers/components/my-adviser-card.tsx';

const PATH = '/account/profile';

/** The signed-in customer's data: masked by default, revealed per field on request, editable. */
function MyData() {
  const { t } = useTranslation();
  const locale = useLocale();
  const withStepUp = useStepUp();
  const query = useApiQuery((signal) => getMyProfile(signal), 'my-profile');
  const [saved, setSaved] = useState<TProfileResponse | undefined>(undefined);
  // Plaintext lives only in this component's state: leaving the page forgets it.
  const [revealed, setRevealed] = useState<Partial<Record<ProfileField, TFieldView>>>({});
  const [revealing, setRevealing] = useState<ProfileField | undefined>(undefined);
  const [revealError, setRevealError] = useState<unknown>(undefined);
  const [editing, setEditing] = useState(false);
  const profile = saved ?? query.data;

  if (!profile) {
    if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} testId="profile-error" />;
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }

  const erased = Object.values(profile.fields).some((view) => view.state === 'erased');
  const empty = Object.values(profile.fields).every((view) => view.state === 'absent');

  const reveal = async (field: ProfileField) => {
    setRevealing(field);
    setRevealError(undefined);
    try {
      // Revealing one's own data needs a recent re-authentication: the step-up dialog opens when the server asks.
      const answer = await withStepUp(() => revealMyFields([field]));
      setRevealed((current) => ({ ...current, [field]: answer.fields[field] }));
    } catch (failure) {
      if (!isStepUpCancelled(failure)) setRevealError(failure);
    } finally {
      setRevealing(undefined);
    }
  };
  const hide = (field: ProfileField) => setRevealed(({ [field]: _hidden, ...rest }) => rest);
  const onSaved = (next: TProfileResponse) => {
    setSaved(next);
    setRevealed({});
    setEditing(false);
  };

  return (
    <div className="sb-profile-layout">
      <div className="sb-profile-main">
        {erased && (
          <Alert
            type="warning"
            showIcon
            className="sb-profile-alert"
            title={t('account.profile.erasedAlertTitle')}
            description={t('account.profile.erasedAlertBody')}
            data-testid="profile-erasure-notice"
          />
        )}
        <Card
          title={t('account.profile.fieldsTitle')}
          extra={
            !editing && !erased ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="profile-edit">
                {t('account.profile.edit')}
              </Button>
            ) : undefined
          }
        >
          {revealError !== undefined && <ApiErrorAlert error={revealError} testId="profile-reveal-error" className="sb-profile-alert" />}
          {empty && <p className="sb-muted">{t('account.profile.neverUpdated')}</p>}
          <ProfileFields profile={profile} revealed={revealed} revealing={revealing} onReveal={(f) => void reveal(f)} onHide={hide} />
          {profile.updatedAt && (
            <p className="sb-muted sb-profile-updated">
              {t('account.profile.updatedAt', { time: formatDateTime(profile.updatedAt, locale) })}
            </p>
          )}
        </Card>
        {editing && (
          <Card title={t('account.profile.editTitle')} className="sb-profile-edit-card">
            <ProfileEditForm profile={profile} onSaved={onSaved} onCancel={() => setEditing(false)} />
          </Card>
        )}
        <MyAdviserCard />
      </div>
      <ProfileNotices />
    </div>
  );
}

/** `/account/profile` — customers only; visitors sign in first and come back here. */
export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle('profile');
  return (
    <div className="sb-container sb-page" data-testid="profile-page">
      <header className="sb-page-header">
        <h1>{t('account.profile.title')}</h1>
        <p>{t('account.profile.intro')}</p>
      </header>
      <CustomerGate path={PATH} errorTestId="profile-error">
        <MyData />
      </CustomerGate>
    </div>
  );
}
