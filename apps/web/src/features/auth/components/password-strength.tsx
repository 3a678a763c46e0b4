import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordHints } from '../api/password-hints.ts';

const COLORS = { empty: undefined, tooShort: '#cf1322', weak: '#d4380d', fair: '#d48806', good: '#389e0d' } as const;

/** Client-side length and variety hints while typing; the server's verdict (WEAK_PASSWORD) is final. */
export function PasswordStrength({ password }: { password: string }) {
  const { t } = useTranslation();
  const hints = passwordHints(password);
  return (
    <div className="sb-password-strength" data-testid="password-strength" data-level={hints.level} aria-live="polite">
      <Progress
        percent={hints.percent}
        showInfo={false}
        size="small"
        strokeColor={COLORS[hints.level]}
        aria-label={t('security.register.strengthLabel')}
      />
      <span className="sb-muted">
        {t('security.register.strengthText', {
          level:
            hints.level === 'tooShort'
              ? t('security.register.strength.tooShort', { count: hints.missing })
              : t(`security.register.strength.${hints.level}`),
        })}
      </span>
    </div>
  );
}
