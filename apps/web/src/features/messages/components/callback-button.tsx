import { PhoneOutlined } from '@ant-design/icons';
import { CALLBACK_WINDOWS, type CallbackWindow, type TThreadSummary } from '@sealbridge/contracts';
import { App, Button, Modal, Radio, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { messagesApi } from '../api/messages-api.ts';

type Props = { thread: TThreadSummary; onRequested: () => void };

/** "预约回电": instead of exchanging numbers, ask the broker to arrange a call in a time window. */
export function CallbackButton({ thread, onRequested }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [window, setWindow] = useState<CallbackWindow>('asap');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  if (thread.openCallback) {
    return (
      <Tag color="processing" icon={<PhoneOutlined />} data-testid="callback-pending">
        {t('messages.callback.pending', { window: t(`messages.callback.windows.${thread.openCallback.window}`) })}
      </Tag>
    );
  }
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await messagesApi.requestCallback(thread.id, window);
      setOpen(false);
      void message.success(t('messages.callback.sent'));
      onRequested();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<PhoneOutlined />} onClick={() => setOpen(true)} data-testid="callback-open">
        {t('messages.callback.button')}
      </Button>
      <Modal
        open={open}
        title={t('messages.callback.title')}
        okText={t('messages.callback.submit')}
        cancelText={t('messages.callback.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'callback-submit' } as Record<string, string>}
      >
        <p>{t('messages.callback.intro')}</p>
        <p>{t('messages.callback.window')}</p>
        <Radio.Group value={window} onChange={(e) => setWindow(e.target.value as CallbackWindow)} optionType="button">
          {CALLBACK_WINDOWS.map((w) => (
            <Radio.Button key={w} value={w}>
              {t(`messages.callback.windows.${w}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
        {error !== undefined && <ApiErrorAlert error={error} className="sb-msg-callback-error" />}
      </Modal>
    </>
  );
}
