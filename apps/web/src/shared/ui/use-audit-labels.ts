import { useTranslation } from 'react-i18next';
import { actorRoles, isAuditAction, isAuditEventType, isPurpose } from '../i18n/audit-codes.ts';
import { isRole } from '../i18n/known-codes.ts';

/**
 * Names of the codes an audit record carries, in the current language. A code the locales do not know yet is
 * shown as sent rather than hidden.
 */
export function useAuditLabels() {
  const { t } = useTranslation();
  const role = (code: string) => (code === 'system' ? t('audit.actorSystem') : isRole(code) ? t(`roles.${code}`) : code);
  return {
    eventType: (type: string) => (isAuditEventType(type) ? t(`audit.eventTypes.${type}`) : type),
    action: (action: string) => (isAuditAction(action) ? t(`audit.actions.${action}`) : action),
    purpose: (purpose: string) => (isPurpose(purpose) ? t(`codes.purposes.${purpose}`) : purpose),
    decision: (decision: 'allowed' | 'denied') => t(`audit.decisions.${decision}`),
    /** "broker" → ["顾问"]; several roles of one principal are stored comma-joined. */
    roles: (stored: string | null) => actorRoles(stored).map(role),
  };
}
