import type { TDataroom, TDataroomDocument } from '@sealbridge/contracts';
import { App, Button, Empty, Input, List, Modal, Space, Tag } from 'antd';
import { EyeOutlined, FolderAddOutlined, FolderOutlined, ScissorOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { dataroomApi } from '../api/dataroom-api.ts';
import { DocumentViewer } from './document-viewer.tsx';
import { RedactionEditor } from './redaction-editor.tsx';
import { UploadDialog } from './upload-dialog.tsx';
import { ItemMeta } from '../../../shared/ui/item-meta.tsx';

type Props = { room: TDataroom; onChanged: () => void };

const LEVEL_COLORS = { none: 'default', view: 'blue', download_watermarked: 'gold', original: 'red' } as const;

/** Folders and documents; the adviser uploads, adds versions, releases them and redacts; everyone opens the viewer. */
export function DocumentsPanel({ room, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const broker = room.role === 'broker';
  const [uploading, setUploading] = useState(false);
  const [versionOf, setVersionOf] = useState<TDataroomDocument | undefined>(undefined);
  const [viewing, setViewing] = useState<{ doc: TDataroomDocument; versionId?: string } | null>(null);
  const [redacting, setRedacting] = useState<TDataroomDocument | null>(null);
  const [folderName, setFolderName] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) void message.success(done);
      onChanged();
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };
  const groups = [
    ...room.folders.map((f) => ({ key: f.id, name: f.name, docs: room.documents.filter((d) => d.folderId === f.id) })),
    {
      key: 'none',
      name: t('dataroom.docs.noFolder'),
      docs: room.documents.filter((d) => !d.folderId || !room.folders.some((f) => f.id === d.folderId)),
    },
  ].filter((g) => g.docs.length > 0 || (broker && g.key !== 'none'));

  return (
    <div className="sb-dr-docs">
      {broker && (
        <Space wrap className="sb-dr-toolbar">
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="open-upload">
            {t('dataroom.docs.upload')}
          </Button>
          <Button icon={<FolderAddOutlined />} onClick={() => setFolderName('')}>
            {t('dataroom.docs.newFolder')}
          </Button>
        </Space>
      )}
      {room.documents.length === 0 && (
        <Empty description={t(room.role === 'buyer' ? 'dataroom.docs.emptyBuyer' : 'dataroom.docs.empty')} data-testid="documents-empty" />
      )}
      {groups.map((g) => (
        <section key={g.key} className="sb-dr-folder">
          <h3>
            <FolderOutlined /> {g.name}
          </h3>
          <List
            dataSource={g.docs}
            renderItem={(d) => (
              <List.Item
                data-testid="document-row"
                actions={[
                  <Button key="view" size="small" icon={<EyeOutlined />} onClick={() => setViewing({ doc: d })} data-testid="view-document">
                    {t('dataroom.docs.view')}
                  </Button>,
                  ...(broker
                    ? [
                        <Button key="version" size="small" onClick={() => setVersionOf(d)}>
                          {t('dataroom.docs.newVersion')}
                        </Button>,
                        <Button
                          key="redact"
                          size="small"
                          icon={<ScissorOutlined />}
                          disabled={d.released?.state !== 'ready'}
                          onClick={() => setRedacting(d)}
                          data-testid="redact-document"
                        >
                          {t('dataroom.docs.redact')}
                        </Button>,
                      ]
                    : []),
                ]}
              >
                <ItemMeta
                  title={<span className="sb-dr-doc-title">{d.title}</span>}
                  description={
                    <Space wrap size={[4, 4]}>
                      {d.released && (
                        <Tag>
                          {t(`dataroom.versionKinds.${d.released.kind}`)} v{d.released.number}
                        </Tag>
                      )}
                      {d.released && <Tag>{t(`dataroom.states.${d.released.state}`)}</Tag>}
                      {d.released && d.released.pageCount > 0 && <span>{t('dataroom.docs.pages', { count: d.released.pageCount })}</span>}
                      {room.role === 'buyer' && <Tag color={LEVEL_COLORS[d.level]}>{t(`dataroom.levels.${d.level}`)}</Tag>}
                    </Space>
                  }
                />
                {broker && d.versions.length > 1 && (
                  <details className="sb-dr-versions">
                    <summary>{t('dataroom.docs.versions')}</summary>
                    {d.versions.map((v) => (
                      <div key={v.id} className="sb-dr-version">
                        <span>
                          v{v.number} · {t(`dataroom.versionKinds.${v.kind}`)} · {formatDateTime(v.createdAt, currentLocale())}
                        </span>
                        {v.id === d.released?.id ? (
                          <Tag color="green">{t('dataroom.docs.released')}</Tag>
                        ) : (
                          <Space size={4}>
                            {v.state === 'ready' && (
                              <Button size="small" onClick={() => setViewing({ doc: d, versionId: v.id })}>
                                {t('dataroom.docs.view')}
                              </Button>
                            )}
                            <Button
                              size="small"
                              onClick={() => void run(() => dataroomApi.release(room.listingId, d.id, v.id), t('dataroom.docs.released'))}
                            >
                              {t('dataroom.docs.release')}
                            </Button>
                          </Space>
                        )}
                      </div>
                    ))}
                  </details>
                )}
              </List.Item>
            )}
          />
        </section>
      ))}
      <UploadDialog
        listingId={room.listingId}
        folders={room.folders}
        maxBytes={room.uploadMaxBytes}
        conversionAvailable={room.conversionAvailable}
        open={uploading || versionOf !== undefined}
        {...(versionOf ? { versionOf } : {})}
        onClose={() => {
          setUploading(false);
          setVersionOf(undefined);
        }}
        onDone={() => {
          setUploading(false);
          setVersionOf(undefined);
          onChanged();
        }}
      />
      <Modal
        open={folderName !== null}
        title={t('dataroom.docs.newFolder')}
        okText={t('dataroom.docs.create')}
        onCancel={() => setFolderName(null)}
        onOk={() => void run(() => dataroomApi.createFolder(room.listingId, folderName ?? '', null)).then(() => setFolderName(null))}
      >
        <Input
          value={folderName ?? ''}
          maxLength={120}
          placeholder={t('dataroom.docs.folderName')}
          onChange={(e) => setFolderName(e.target.value)}
        />
      </Modal>
      <DocumentViewer
        listingId={room.listingId}
        document={viewing?.doc ?? null}
        {...(viewing?.versionId ? { versionId: viewing.versionId } : {})}
        onClose={() => setViewing(null)}
      />
      {redacting && (
        <RedactionEditor
          listingId={room.listingId}
          document={redacting}
          onClose={() => setRedacting(null)}
          onDone={() => {
            setRedacting(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
