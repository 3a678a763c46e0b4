import { Select } from 'antd';
import { PURPOSES } from '@sealbridge/contracts';
import type { Purpose } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';

type Props = {
  value?: Purpose;
  onChange?: (value: Purpose) => void;
  id?: string;
  testId?: string;
};

/** The closed list of purposes of use (PIPL Art. 6), translated; for antd Form.Item. */
export function PurposeSelect({ value, onChange, id, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Select<Purpose>
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t('customers.lookup.purposeRequired')}
      // Break-glass is not chosen here: it has its own request page, a justification and a time box.
      options={PURPOSES.filter((purpose) => purpose !== 'break_glass').map((purpose) => ({
        value: purpose,
        label: t(`codes.purposes.${purpose}`),
      }))}
      data-testid={testId}
    />
  );
}
