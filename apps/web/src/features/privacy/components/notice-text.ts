import type { TNotice } from '@sealbridge/contracts';
import type { TFunction } from 'i18next';

/** A notice as plain lines (prose, then one line per 清单 item), the form the version diff compares. */
export function noticeAsText(notice: TNotice, locale: 'zh-CN' | 'en', t: TFunction): string {
  const items = notice.inventory.map((i) =>
    [
      `· ${i.label[locale]}`,
      t(`codes.categories.${i.category}`),
      i.purposes.map((p) => t(`codes.purposes.${p}`)).join('、'),
      t(`codes.legalBases.${i.legalBasis}`),
      t(`codes.retention.${i.retention}`),
      i.sharedWith.length ? i.sharedWith.map((s) => sharedLabel(s, t)).join('、') : t('consent.shared.none'),
    ].join(' | '),
  );
  return `${notice.prose[locale]}\n\n${t('consent.notice.inventoryTitle')}\n${items.join('\n')}\n`;
}

export function sharedLabel(code: string, t: TFunction): string {
  return code === 'counterparty_with_separate_consent' ? t('consent.shared.counterparty_with_separate_consent') : code;
}
