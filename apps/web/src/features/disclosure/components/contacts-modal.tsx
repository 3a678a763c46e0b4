import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Skeleton } from 'antd';
import type { TL3Contacts } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { RevealedText } from './revealed-text.tsx';

type Props = { title: string; note: string; load: () => Promise<TL3Contacts>; onClose: () => void };

/** L3: the other side's name and mobile, opened (and recorded) when the dialog opens, forgotten when it closes. */
export function ContactsModal({ title, note, load, onClose }: Props) {
  const { t } = useTranslation();
  const query = useApiQuery(() => load(), 'contacts');
  return (
    <Modal open title={title} onCancel={onClose} destroyOnHidden footer={<Button onClick={onClose}>{t('disclosure.close')}</Button>}>
      <Alert type="warning" showIcon icon={<AuditOutlined />} title={note} />
      {query.error !== undefined && <ApiErrorAlert error={query.error} testId="contacts-error" />}
      {!query.data && query.loading && <Skeleton active paragraph={{ rows: 2 }} />}
      {query.data && (
        <Descriptions column={1} size="small" className="sb-contacts" data-testid="contacts">
          <Descriptions.Item label={t('disclosure.mine.contactsName')}>
            <RevealedText value={query.data.name} testId="contact-name" />
          </Descriptions.Item>
          <Descriptions.Item label={t('disclosure.mine.contactsMobile')}>
            <RevealedText value={query.data.mobile} testId="contact-mobile" />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}
