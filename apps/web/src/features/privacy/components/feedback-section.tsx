import { useTranslation } from 'react-i18next';
import { sendFeedback } from '../api/consent-api.ts';
import { TicketForm } from './ticket-form.tsx';

const TOPICS = ['question', 'complaint', 'other'] as const;

/** The public feedback form: a ticket with a 15-working-day clock. */
export function FeedbackSection() {
  const { t } = useTranslation();
  return (
    <section id="feedback" className="sb-privacy-section" data-testid="privacy-feedback">
      <h2>{t('consent.feedback.title')}</h2>
      <p>{t('consent.feedback.intro', { days: 15 })}</p>
      <TicketForm topics={TOPICS} withContact submitLabel={t('consent.feedback.submit')} send={sendFeedback} testId="feedback-form" />
    </section>
  );
}
