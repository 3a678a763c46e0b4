import { useTranslation } from 'react-i18next';

type Revealed = { state: 'revealed' | 'erased' | 'absent'; value?: string | undefined };

/** A field a grant opened: its value, or "erased on request" / "not provided". */
export function RevealedText({ value, testId }: { value: Revealed; testId?: string }) {
  const { t } = useTranslation();
  if (value.state === 'revealed')
    return (
      <span data-testid={testId} data-state="revealed">
        {value.value}
      </span>
    );
  return (
    <span className="sb-muted" data-testid={testId} data-state={value.state}>
      {value.state === 'erased' ? t('codes.fieldView.erased') : t('disclosure.company.absent')}
    </span>
  );
}
