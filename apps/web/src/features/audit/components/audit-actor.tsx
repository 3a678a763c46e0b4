import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuditLabels } from '../../../shared/ui/use-audit-labels.ts';

/** The actor of a record as role tag(s) and staff number (工号); no names. */
export function AuditActor({ role, staffNo }: { role: string | null; staffNo: string | null }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const roles = labels.roles(role);
  if (roles.length === 0 && !staffNo) return <span className="sb-muted">{t('audit.table.none')}</span>;
  return (
    <span className="sb-audit-actor">
      {roles.map((name) => (
        <Tag key={name} variant="filled" color="blue">
          {name}
        </Tag>
      ))}
      {staffNo && <span className="sb-mono">{staffNo}</span>}
    </span>
  );
}

/** Allowed or refused; refusals stand out. */
export function DecisionTag({ decision }: { decision: 'allowed' | 'denied' }) {
  const labels = useAuditLabels();
  return (
    <Tag color={decision === 'denied' ? 'error' : 'success'} variant="filled" data-decision={decision}>
      {labels.decision(decision)}
    </Tag>
  );
}
