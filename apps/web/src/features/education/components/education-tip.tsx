import { BulbOutlined } from '@ant-design/icons';
import type { EducationTip as TipCode, TEducationItem } from '@sealbridge/contracts';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEducation } from '../api/education-api.ts';

/** The text of one guide or tip in the reader's language, once loaded (undefined until then or if it fails). */
export function useEducationText(code: string): string | undefined {
  const { i18n } = useTranslation();
  const [item, setItem] = useState<TEducationItem | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadEducation().then(
      (list) => live && setItem(list.items.find((i) => i.code === code)),
      () => undefined, // advice, not a function: a failed load leaves the page as it was
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (!item) return undefined;
  return i18n.language.startsWith('en') ? item.text.en : item.text['zh-CN'];
}

/** An in-flow tip (issue 19 item 6): the privacy officer's current text, shown where the moment calls for it. */
export function EducationTip({ code, compact = false, onClose }: { code: TipCode; compact?: boolean; onClose?: () => void }) {
  const { t } = useTranslation();
  const text = useEducationText(code);
  if (!text) return null;
  return (
    <Alert
      className={compact ? 'sb-education-tip sb-education-tip-compact' : 'sb-education-tip'}
      type="info"
      showIcon
      icon={<BulbOutlined />}
      title={compact ? text : <strong>{t(`education.tips.${code}`)}</strong>}
      description={compact ? undefined : text}
      {...(onClose ? { closable: { onClose, 'aria-label': t('education.dismiss') } } : {})}
      data-testid={`education-tip-${code}`}
    />
  );
}
