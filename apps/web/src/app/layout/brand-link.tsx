import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../shared/ui/brand-mark.tsx';

/** `compact`: only the mark shows (the console's folded menu), so the link is named in words. */
type Props = { inverted?: boolean; to?: string; compact?: boolean };

/**
 * Mark + 封桥 Sealbridge + tagline, linking home. Its accessible name is its visible text (WCAG 2.5.3): an
 * aria-label without the tagline would differ from what a voice user reads on screen.
 */
export function BrandLink({ inverted, to = '/', compact = false }: Props) {
  const { t } = useTranslation();
  return (
    <Link to={to} className={inverted ? 'sb-brand sb-brand-inverted' : 'sb-brand'} aria-label={compact ? t('brand.homeLink') : undefined}>
      <BrandMark size={36} />
      <span className="sb-brand-text">
        <span className="sb-brand-name">
          {t('brand.name')}
          <span className="sb-brand-latin">{t('brand.latin')}</span>
        </span>
        <span className="sb-brand-tagline">{t('brand.tagline')}</span>
      </span>
    </Link>
  );
}
