import { ConfigProvider, DatePicker } from 'antd';
import type { GetProps } from 'antd';
import { useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Props = GetProps<typeof DatePicker.RangePicker>;

/**
 * antd's range picker with week-day and month names from our locale files. antd takes them from dayjs, whose
 * Chinese locale the web app does not load, so without this the zh-CN calendar would say "Su Mo … / Nov".
 */
export function DayRangePicker(props: Props) {
  const { t } = useTranslation();
  const base = useContext(ConfigProvider.ConfigContext).locale?.DatePicker;
  const weekDays = t('common.weekDaysShort');
  const months = t('common.monthsShort');
  const locale = useMemo(
    () => (base ? { ...base, lang: { ...base.lang, shortWeekDays: weekDays.split(','), shortMonths: months.split(',') } } : undefined),
    [base, weekDays, months],
  );
  return <DatePicker.RangePicker {...props} locale={locale} />;
}
