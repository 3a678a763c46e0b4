import { DETECTION_RULES, type DetectionRuleId, type SecuritySeverity } from '@sealbridge/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

const COLORS: Record<SecuritySeverity, string> = { low: 'default', medium: 'gold', high: 'orange', critical: 'red' };

export function SeverityTag({ severity }: { severity: SecuritySeverity }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[severity]}>{t(`monitoring.severity.${severity}`)}</Tag>;
}

/** The rule's name from the registry in contracts, in the reader's language. */
export function useRuleLabel() {
  const locale = useLocale();
  return (rule: DetectionRuleId) => DETECTION_RULES[rule][locale === 'en' ? 'en' : 'zh'];
}
