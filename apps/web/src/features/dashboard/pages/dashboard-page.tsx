import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { EnforcementCards } from '../components/enforcement-cards.tsx';
import { PlatformMetaCard } from '../components/platform-meta-card.tsx';
import { PrivacyMetricsCards } from '../components/privacy-metrics-cards.tsx';
import { WelcomeCard } from '../components/welcome-card.tsx';

/** `/console` — the staff overview. */
export function DashboardPage() {
  useDocumentTitle('console');
  return (
    <div className="sb-dashboard">
      <div className="sb-dashboard-top">
        <WelcomeCard />
        <PlatformMetaCard />
      </div>
      <PrivacyMetricsCards />
      <EnforcementCards />
    </div>
  );
}
