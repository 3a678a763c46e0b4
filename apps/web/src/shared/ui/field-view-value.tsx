import './field-view.css';
import { DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFieldView } from '@sealbridge/contracts';

type Props = {
  view: TFieldView;
  /** data-testid of the value itself (masked, revealed or absent). */
  testId?: string;
  /** data-testid of the "erased on request" badge. */
  erasedTestId?: string;
};

/**
 * One personal field as an API returned it: the masked value, the revealed plaintext (marked as such),
 * "not provided", or a badge saying it was erased on request (its data key destroyed).
 */
export function FieldViewValue({ view, testId, erasedTestId }: Props) {
  const { t } = useTranslation();
  switch (view.state) {
    case 'masked':
      return (
        <span className="sb-field-value is-masked" data-testid={testId} data-state="masked">
          {view.value}
        </span>
      );
    case 'revealed':
      return (
        <span className="sb-field-value is-revealed" data-testid={testId} data-state="revealed">
          <EyeOutlined aria-label={t('codes.fieldView.revealed')} /> {view.value}
        </span>
      );
    case 'absent':
      return (
        <span className="sb-field-value is-absent" data-testid={testId} data-state="absent">
          {t('codes.fieldView.absent')}
        </span>
      );
    case 'erased':
      return (
        <Tooltip title={t('codes.fieldView.erasedHint')}>
          <Tag className="sb-field-erased" icon={<DeleteOutlined />} data-testid={erasedTestId} data-state="erased">
            {t('codes.fieldView.erased')}
          </Tag>
        </Tooltip>
      );
  }
}
