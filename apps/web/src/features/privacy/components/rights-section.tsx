import { useTranslation } from 'react-i18next';

const RIGHTS = ['access', 'copy', 'correction', 'deletion', 'withdraw', 'explain'] as const;

/** PIPL Art. 44–50 rights, each with the article it comes from. */
export function RightsSection() {
  const { t } = useTranslation();
  return (
    <section id="rights" className="sb-privacy-section">
      <h2>{t('privacy.rights.title')}</h2>
      <p>{t('privacy.rights.intro')}</p>
      <ul className="sb-rights">
        {RIGHTS.map((right) => (
          <li key={right}>
            <div className="sb-right-head">
              <h3>{t(`privacy.rights.${right}Title`)}</h3>
              <span className="sb-right-law">{t(`privacy.rights.${right}Law`)}</span>
            </div>
            <p>{t(`privacy.rights.${right}Body`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
