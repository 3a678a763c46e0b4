import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { secondsUntil } from '../api/countdown.ts';

type Props = { deadline: number | undefined; sent: boolean; loading: boolean; onClick: () => void };

/** "获取验证码", then a countdown until the server allows another code, then "重新获取". */
export function SendCodeButton({ deadline, sent, loading, onClick }: Props) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const left = deadline === undefined ? 0 : secondsUntil(deadline, now);
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [left > 0, deadline]);
  return (
    <Button onClick={onClick} loading={loading} disabled={left > 0} data-testid="register-send-code" className="sb-send-code">
      {left > 0
        ? t('security.register.resendIn', { seconds: left })
        : sent
          ? t('security.register.resend')
          : t('security.register.sendCode')}
    </Button>
  );
}
