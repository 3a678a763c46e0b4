import { useTranslation } from 'react-i18next';

const PRINCIPLES = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'] as const;

/** The eight privacy invariants of DESIGN.md, in plain language. */
export function PrinciplesSection() {
  const { t } = useTranslation();
  return (
    <section id="principles" className="sb-privacy-section">
      <h2>{t('privacy.principles.title')}</h2>
      <ol className="sb-principles">
        {PRINCIPLES.map((p, index) => (
          <li key={p}>
            <span className="sb-principle-number" aria-hidden="true">
              {index + 1}
            </span>
            <div>
              <h3>{t(`privacy.principles.${p}Title`)}</h3>
              <p>{t(`privacy.principles.${p}Body`)}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
