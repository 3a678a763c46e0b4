import { useMemo } from 'react';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { getDataMap } from '../../privacy/api/privacy-api.ts';

/**
 * Names of personal-data registry keys ("account_profiles.mobile" → 手机号码) from the live data map, in the current
 * language. While the map loads, or if it cannot be loaded, a key is shown as itself: the record stays readable.
 */
export function useFieldLabels(): (key: string) => string {
  const locale = useLocale();
  const { data } = useApiQuery((signal) => getDataMap(signal), 'data-map');
  const labels = useMemo(() => new Map((data?.entries ?? []).map((entry) => [entry.key, entry.label])), [data]);
  return (key) => labels.get(key)?.[locale] ?? key;
}
