import '../home.css';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { DealSteps } from '../components/deal-steps.tsx';
import { FeaturedListings } from '../components/featured-listings.tsx';
import { HomeHero } from '../components/home-hero.tsx';
import { PrivacyPromises } from '../components/privacy-promises.tsx';

/** `/` — the marketplace front door. */
export function HomePage() {
  useDocumentTitle('home');
  return (
    <>
      <HomeHero />
      <FeaturedListings />
      <PrivacyPromises />
      <DealSteps />
    </>
  );
}
