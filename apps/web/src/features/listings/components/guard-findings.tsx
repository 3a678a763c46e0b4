import type { TTextFinding } from '@sealbridge/contracts';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The free-text guard's refusal: each finding names the field and the characters, never the value itself. */
export function GuardFindings({ findings, onRedact }: { findings: TTextFinding[]; onRedact: () => void }) {
  const { t } = useTranslation();
  const fieldName = (field: string) => {
    const [base = field, index] = field.split('.');
    const name = t(`market.seller.fieldNames.${base as 'title'}`, { defaultValue: base });
    return index === undefined ? name : `${name} #${Number(index) + 1}`;
  };
  return (
    <Alert
      type="error"
      showIcon
      data-testid="guard-findings"
      title={t('market.seller.findingsTitle')}
      description={
        <>
          <ul className="sb-findings">
            {findings.map((f) => (
              <li key={`${f.field}:${f.start}`} data-finding-field={f.field} data-finding-kind={f.kind}>
                {t('market.seller.finding', {
                  field: fieldName(f.field),
                  kind: t(`market.seller.findingKinds.${f.kind}`),
                  start: f.start + 1,
                  end: f.end,
                })}
              </li>
            ))}
          </ul>
          <Button size="small" onClick={onRedact} data-testid="guard-redact">
            {t('market.seller.redact')}
          </Button>
        </>
      }
    />
  );
}
