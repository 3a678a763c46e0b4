import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markServerFieldErrors } from './server-field-errors.ts';

/**
 * A form's save: validates in the browser, runs `work` with the values, and on failure keeps the error (shown as the
 * code's text) and marks the fields the server named. `marked` is how many fields were marked by the last failure.
 */
export function useServerForm<V>(form: FormInstance<V>, fields: readonly string[]) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [marked, setMarked] = useState(0);
  const save = async (work: (values: V) => Promise<void>) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    setMarked(0);
    try {
      await work(values);
    } catch (failure) {
      setError(failure);
      const names = markServerFieldErrors(form, failure, t, fields);
      setMarked(names.length);
      if (names[0]) form.scrollToField(names[0], { block: 'center' });
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, marked, save };
}
