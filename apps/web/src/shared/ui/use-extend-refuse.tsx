import { Button, InputNumber, Select } from 'antd';
import { REFUSAL_REASON_CODES } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The officer's clock controls on a case with a working-day clock (privacy tickets, rights requests): extend by a
 * number of working days, or refuse with a reason code; both take the officer's text as the reason sent on. Each
 * returns a fragment, so the controls stand as separate items of the caller's `<Space wrap>`.
 */
export function useExtendRefuse(labels: 'consent.console' | 'rights.console', text: string) {
  const { t } = useTranslation();
  const [days, setDays] = useState(5);
  const [code, setCode] = useState<string>('other');
  const extend = (onExtend: (days: number) => void) => (
    <>
      <InputNumber size="small" min={1} max={15} value={days} onChange={(v) => setDays(v ?? 5)} aria-label={t(`${labels}.extendDays`)} />
      <Button size="small" disabled={!text} title={t(`${labels}.extendReason`)} onClick={() => onExtend(days)}>
        {t(`${labels}.extend`)}
      </Button>
    </>
  );
  const refuse = (onRefuse: (code: string) => void) => (
    <>
      <Select
        size="small"
        value={code}
        onChange={setCode}
        aria-label={t(`${labels}.refuseCode`)}
        options={REFUSAL_REASON_CODES.map((c) => ({ value: c, label: t(`rights.refusals.${c}`) }))}
        popupMatchSelectWidth={false}
      />
      <Button size="small" danger disabled={!text} onClick={() => onRefuse(code)}>
        {t(`${labels}.refuse`)}
      </Button>
    </>
  );
  return { extend, refuse };
}
