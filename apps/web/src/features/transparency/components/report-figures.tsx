import type { TTransparencyReport } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../shared/ui/bar-chart.tsx';
import '../transparency.css';

type Figures = TTransparencyReport['figures'];

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="sb-tr-stat">
      <dd>{value}</dd>
      <dt>{label}</dt>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="sb-tr-section" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** "2026-Q3" in the reader's language. */
export function usePeriodLabel(): (period: string) => string {
  const { t } = useTranslation();
  return (period) => t('transparency.period', { year: period.slice(0, 4), q: period.slice(6) });
}

/**
 * One quarter's figures: big numbers and dependency-free bar charts (shared/ui/bar-chart). Counts only; every label
 * comes from the locale, so a code never shows raw.
 */
export function ReportFigures({ report }: { report: TTransparencyReport }) {
  const { t } = useTranslation();
  const f: Figures = report.figures;
  const f2 = (key: string) => t(`transparency.figures.${key}` as 'transparency.figures.received');
  const median = f.rights.medianWorkingDays === null ? '—' : String(f.rights.medianWorkingDays);
  return (
    <div className="sb-tr-figures" data-testid="transparency-figures">
      <p className="sb-muted">{t('transparency.range', { from: report.from, to: report.to })}</p>
      <Section title={t('transparency.sections.rights')} testId="tr-rights">
        <dl className="sb-tr-stats">
          <Stat label={f2('received')} value={f.rights.received} />
          <Stat label={f2('answered')} value={f.rights.answered} />
          <Stat label={f2('median')} value={median} />
        </dl>
        <BarChart
          testId="tr-rights-chart"
          items={[
            { label: f2('inTime'), value: f.rights.answeredInTime },
            { label: f2('late'), value: f.rights.answeredLate },
          ]}
        />
        {Object.keys(f.rights.receivedByKind).length ? (
          <BarChart
            items={Object.entries(f.rights.receivedByKind).map(([kind, value]) => ({
              label: t(`rights.kinds.${kind}` as 'rights.kinds.access'),
              value,
            }))}
          />
        ) : null}
      </Section>
      <Section title={t('transparency.sections.feedback')}>
        <dl className="sb-tr-stats">
          <Stat label={f2('feedbackReceived')} value={f.feedback.received} />
          <Stat label={f2('feedbackClosed')} value={f.feedback.closed} />
        </dl>
      </Section>
      <Section title={t('transparency.sections.incidents')}>
        <dl className="sb-tr-stats">
          <Stat label={f2('incidents')} value={f.incidents.total} />
          <Stat label={f2('reported')} value={f.incidents.reportedToRegulator} />
        </dl>
        <BarChart
          items={f.incidents.byGrade.map((g) => ({
            label: t(`transparency.grades.${g.grade}` as 'transparency.grades.general'),
            value: g.total,
          }))}
        />
      </Section>
      <Section title={t('transparency.sections.transfers')}>
        <BarChart
          items={[
            { label: f2('toThirdParties'), value: f.transfers.toThirdParties },
            { label: f2('abroad'), value: f.transfers.abroad },
            { label: f2('refused'), value: f.transfers.refused },
          ]}
        />
        <dl className="sb-tr-stats">
          <Stat label={f2('personsAbroad')} value={f.transfers.personsAbroad} />
          <Stat label={f2('personsAbroadSensitive')} value={f.transfers.personsAbroadSensitive} />
        </dl>
      </Section>
      <Section title={t('transparency.sections.authority')}>
        <dl className="sb-tr-stats">
          <Stat label={f2('authorityReceived')} value={f.authorityRequests.received} />
          <Stat label={f2('authorityDisclosed')} value={f.authorityRequests.disclosed} />
          <Stat label={f2('personsAffected')} value={f.authorityRequests.personsAffected} />
        </dl>
        <BarChart
          items={f.authorityRequests.byLegalBasis
            .filter((b) => b.received > 0)
            .map((b) => ({ label: t(`transparency.legalBases.${b.legalBasis}`), value: b.received }))}
        />
      </Section>
      <Section title={t('transparency.sections.accesses')} testId="tr-accesses">
        <dl className="sb-tr-stats">
          <Stat label={f2('accesses')} value={f.staffAccesses.total} />
          <Stat label={f2('accessesRefused')} value={f.staffAccesses.refused} />
        </dl>
        <BarChart
          items={f.staffAccesses.byPurpose.map((p) => ({
            label: t(`codes.purposes.${p.purpose}` as 'codes.purposes.deal_execution', { defaultValue: p.purpose }),
            value: p.count,
          }))}
        />
      </Section>
      <Section title={t('transparency.sections.other')}>
        <dl className="sb-tr-stats">
          <Stat label={f2('withdrawals')} value={f.consentWithdrawals} />
          <Stat label={f2('accountsErased')} value={f.erasures.accountsErased} />
          <Stat label={f2('recordsDestroyed')} value={f.erasures.recordsDestroyedByRetention} />
        </dl>
      </Section>
      <p className="sb-muted sb-tr-method">{t('transparency.method')}</p>
    </div>
  );
}
