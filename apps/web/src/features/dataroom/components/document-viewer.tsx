import type { TDataroomDocument } from '@sealbridge/contracts';
import { Alert, Button, Drawer, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataroomApi, sendBeacons } from '../api/dataroom-api.ts';

type Props = { listingId: string; document: TDataroomDocument | null; versionId?: string; onClose: () => void };

const BEACON_EVERY_MS = 10_000;

/**
 * The viewer: server-rendered page images (each watermarked for this viewer), loaded lazily as they scroll into view.
 * Time on page is measured for the page most in view and reported in beacons every 10 s and on close.
 */
export function DocumentViewer({ listingId, document, versionId, onClose }: Props) {
  const { t } = useTranslation();
  const version = versionId ? (document?.versions.find((v) => v.id === versionId) ?? document?.released) : document?.released;
  const pages = version?.state === 'ready' ? version.pageCount : 0;
  const [failed, setFailed] = useState<Set<number>>(new Set());
  const visible = useRef(new Map<number, number>());
  const dwell = useRef(new Map<number, number>());
  const current = useRef<{ page: number; since: number } | null>(null);

  useEffect(() => {
    if (!document || pages === 0) return;
    const documentId = document.id;
    const flushCurrent = () => {
      const c = current.current;
      if (!c) return;
      const now = Date.now();
      dwell.current.set(c.page, (dwell.current.get(c.page) ?? 0) + (now - c.since));
      c.since = now;
    };
    const send = () => {
      flushCurrent();
      const beacons = [...dwell.current.entries()]
        .filter(([, ms]) => ms >= 500)
        .map(([page, ms]) => ({ documentId, page, dwellMs: Math.min(600_000, Math.round(ms)) }));
      dwell.current.clear();
      sendBeacons(listingId, beacons);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) visible.current.set(Number((e.target as HTMLElement).dataset.page), e.intersectionRatio);
        const best = [...visible.current.entries()].sort((a, b) => b[1] - a[1])[0];
        if (best && best[1] > 0 && best[0] !== current.current?.page) {
          flushCurrent();
          current.current = { page: best[0], since: Date.now() };
        }
      },
      { threshold: [0, 0.25, 0.5, 0.75, 1] },
    );
    // The drawer may mount its content a moment after opening: observe what is there now and again shortly after.
    const observeAll = () => globalThis.document.querySelectorAll('[data-dr-page]').forEach((n) => observer.observe(n));
    observeAll();
    const late = setTimeout(observeAll, 400);
    const timer = setInterval(send, BEACON_EVERY_MS);
    const hide = () => {
      if (globalThis.document.visibilityState === 'hidden') send();
    };
    globalThis.document.addEventListener('visibilitychange', hide);
    return () => {
      send();
      clearTimeout(late);
      clearInterval(timer);
      observer.disconnect();
      globalThis.document.removeEventListener('visibilitychange', hide);
      current.current = null;
      visible.current.clear();
    };
  }, [document, pages, listingId]);

  const level = document?.level ?? 'none';
  return (
    <Drawer
      open={document !== null}
      onClose={onClose}
      width="100%"
      title={document ? t('dataroom.viewer.title', { title: document.title }) : ''}
      destroyOnHidden
      extra={
        document && (
          <Space wrap>
            {(level === 'download_watermarked' || level === 'original') && pages > 0 && (
              <Button
                icon={<DownloadOutlined />}
                href={dataroomApi.downloadUrl(listingId, document.id, 'watermarked')}
                data-testid="download-watermarked"
              >
                {t('dataroom.viewer.downloadWatermarked')}
              </Button>
            )}
            {level === 'original' && (
              <Button
                icon={<DownloadOutlined />}
                href={dataroomApi.downloadUrl(listingId, document.id, 'original')}
                data-testid="download-original"
              >
                {t('dataroom.viewer.downloadOriginal')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <div className="sb-dr-viewer" data-testid="document-viewer">
        <Alert type="info" showIcon title={t('dataroom.viewer.watermarkNote')} />
        {pages === 0 && <Alert type="warning" title={t('dataroom.viewer.notViewable')} />}
        {document &&
          Array.from({ length: pages }, (_, i) => i + 1).map((page) => (
            <figure key={page} className="sb-dr-page" data-dr-page data-page={page}>
              {failed.has(page) ? (
                <Alert type="error" title={t('dataroom.viewer.loadFailed')} data-testid={`page-error-${page}`} />
              ) : (
                <img
                  src={dataroomApi.pageUrl(listingId, document.id, page, versionId)}
                  loading="lazy"
                  alt={t('dataroom.viewer.page', { page, count: pages })}
                  data-testid={`page-image-${page}`}
                  onError={() => setFailed((s) => new Set(s).add(page))}
                  draggable={false}
                  onContextMenu={(e) => e.preventDefault()}
                />
              )}
              <figcaption>{t('dataroom.viewer.page', { page, count: pages })}</figcaption>
            </figure>
          ))}
      </div>
    </Drawer>
  );
}
