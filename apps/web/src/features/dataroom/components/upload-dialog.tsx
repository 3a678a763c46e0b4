import type { TDataroomDocument, TDataroomFolder } from '@sealbridge/contracts';
import { App, Button, Input, Modal, Progress, Select, Space, Upload, type ButtonProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { uploadDocument, uploadVersion } from '../api/dataroom-api.ts';

type Props = {
  listingId: string;
  folders: TDataroomFolder[];
  maxBytes: number;
  conversionAvailable: boolean;
  /** A new version of this document instead of a new document. */
  versionOf?: TDataroomDocument;
  open: boolean;
  onClose: () => void;
  onDone: (doc: TDataroomDocument) => void;
};

/** Upload with progress: bytes leaving the browser, then the server's encrypting, checking and converting. */
export function UploadDialog({ listingId, folders, maxBytes, conversionAvailable, versionOf, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [folderId, setFolderId] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const busy = progress !== null;

  const reset = () => {
    setFile(null);
    setTitle('');
    setFolderId(null);
    setProgress(null);
  };
  const submit = async () => {
    if (!file) return;
    setProgress(0);
    try {
      const done = versionOf
        ? await uploadVersion(listingId, versionOf.id, file, setProgress)
        : await uploadDocument(listingId, { title: title || file.name.replace(/\.[^.]+$/, ''), folderId, file }, setProgress);
      void message.success(t(versionOf ? 'dataroom.docs.versionUploaded' : 'dataroom.docs.uploaded'));
      reset();
      onDone(done);
    } catch (error) {
      setProgress(null);
      void message.error(errorText(error, currentLocale()));
    }
  };
  const size = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  return (
    <Modal
      open={open}
      title={versionOf ? `${t('dataroom.docs.newVersion')} · ${versionOf.title}` : t('dataroom.docs.upload')}
      onCancel={() => {
        if (!busy) {
          reset();
          onClose();
        }
      }}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !file || busy, 'data-testid': 'upload-submit' } as ButtonProps}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <p className="sb-dr-hint">{t('dataroom.docs.uploadHint', { size })}</p>
        {!conversionAvailable && <p className="sb-dr-hint">{t('dataroom.docs.noConverter')}</p>}
        {!versionOf && (
          <>
            <label>
              {t('dataroom.docs.titleLabel')}
              <Input
                value={title}
                maxLength={120}
                placeholder={t('dataroom.docs.titlePlaceholder')}
                onChange={(e) => setTitle(e.target.value)}
                data-testid="upload-title"
              />
            </label>
            {folders.length > 0 && (
              <label>
                {t('dataroom.docs.folderLabel')}
                <Select
                  style={{ width: '100%' }}
                  allowClear
                  value={folderId ?? undefined}
                  onChange={(v: string | undefined) => setFolderId(v ?? null)}
                  options={folders.map((f) => ({ value: f.id, label: f.name }))}
                />
              </label>
            )}
          </>
        )}
        <Upload
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="upload-pick">
            {t('dataroom.docs.upload')}
          </Button>
        </Upload>
        {busy && (
          <div data-testid="upload-progress">
            <Progress percent={Math.round((progress ?? 0) * 100)} status={progress === 1 ? 'active' : 'normal'} />
            <span className="sb-dr-hint">
              {progress === 1
                ? t('dataroom.docs.processing')
                : t('dataroom.docs.uploading', { percent: Math.round((progress ?? 0) * 100) })}
            </span>
          </div>
        )}
      </Space>
    </Modal>
  );
}
