import { EnvironmentOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Contact for the personal information protection officer (PIPL Art. 52); values are placeholders for now. */
export function OfficerContact() {
  const { t } = useTranslation();
  const email = t('privacy.officer.email');
  const rows = [
    { icon: <MailOutlined />, label: t('privacy.officer.emailLabel'), value: <a href={`mailto:${email}`}>{email}</a> },
    { icon: <PhoneOutlined />, label: t('privacy.officer.phoneLabel'), value: t('privacy.officer.phone') },
    { icon: <EnvironmentOutlined />, label: t('privacy.officer.addressLabel'), value: t('privacy.officer.address') },
  ];
  return (
    <section id="officer" className="sb-privacy-section sb-officer" data-testid="officer-contact">
      <h2>{t('privacy.officer.title')}</h2>
      <p>{t('privacy.officer.body')}</p>
      <dl className="sb-officer-list">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>
              {row.icon} {row.label}
            </dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="sb-muted">{t('privacy.officer.responseTime')}</p>
    </section>
  );
}
