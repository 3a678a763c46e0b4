import { useTranslation } from 'react-i18next';

/** How a transfer runs here, in four steps, so a first-time seller knows what to expect. */
export function DealSteps() {
  const { t } = useTranslation();
  const steps = [
    { title: t('home.steps.listTitle'), body: t('home.steps.listBody') },
    { title: t('home.steps.verifyTitle'), body: t('home.steps.verifyBody') },
    { title: t('home.steps.discloseTitle'), body: t('home.steps.discloseBody') },
    { title: t('home.steps.closeTitle'), body: t('home.steps.closeBody') },
  ];
  return (
    <section className="sb-section sb-section-muted">
      <div className="sb-container">
        <header className="sb-section-header">
          <h2>{t('home.steps.title')}</h2>
        </header>
        <ol className="sb-steps">
          {steps.map((step, index) => (
            <li key={step.title}>
              <span className="sb-step-number" aria-hidden="true">
                {String(index + 1).padStart(2, '0')}
              </span>
              <h3>{step.title}</h3>
              <p>{step.body}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
