import type { TDataroomDocument, TRedactionBox, TRedactionProposal } from '@sealbridge/contracts';
import { Alert, App, Button, Modal, Skeleton, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { dataroomApi } from '../api/dataroom-api.ts';

type Box = TRedactionBox & { id: string; kind: string; on: boolean };
type Props = { listingId: string; document: TDataroomDocument; onClose: () => void; onDone: () => void };

let nextId = 0;

/**
 * The broker's redaction editor: proposed boxes (from the text layer) over each page, click to drop or keep one,
 * drag on a page to add one (scans have no text layer: every box is drawn by hand). Coordinates are page fractions.
 */
export function RedactionEditor({ listingId, document, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [proposal, setProposal] = useState<TRedactionProposal | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [busy, setBusy] = useState(false);
  const drag = useRef<{ page: number; x: number; y: number; el: HTMLElement } | null>(null);
  const [draft, setDraft] = useState<(TRedactionBox & { id: string }) | null>(null);

  useEffect(() => {
    dataroomApi.proposal(listingId, document.id).then((p) => {
      setProposal(p);
      setBoxes(p.proposals.map((b) => ({ ...b, id: `p${nextId++}`, on: true })));
    }, setError);
  }, [listingId, document.id]);

  const at = (e: React.PointerEvent, el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  };
  const down = (page: number) => (e: React.PointerEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).dataset.box) return;
    const p = at(e, e.currentTarget);
    drag.current = { page, ...p, el: e.currentTarget };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const move = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const p = at(e, d.el);
    setDraft({
      id: 'draft',
      page: d.page,
      x: Math.min(d.x, p.x),
      y: Math.min(d.y, p.y),
      w: Math.max(0.002, Math.abs(p.x - d.x)),
      h: Math.max(0.002, Math.abs(p.y - d.y)),
    });
  };
  const up = () => {
    if (draft && draft.w > 0.005 && draft.h > 0.003) setBoxes((b) => [...b, { ...draft, id: `m${nextId++}`, kind: 'manual', on: true }]);
    drag.current = null;
    setDraft(null);
  };
  const apply = async () => {
    if (!proposal) return;
    setBusy(true);
    try {
      await dataroomApi.redact(
        listingId,
        document.id,
        proposal.versionId,
        boxes.filter((b) => b.on).map(({ page, x, y, w, h }) => ({ page, x, y, w, h })),
      );
      void message.success(t('dataroom.redaction.applied'));
      onDone();
    } catch (failure) {
      void message.error(errorText(failure, currentLocale()));
    } finally {
      setBusy(false);
    }
  };
  const selected = boxes.filter((b) => b.on).length;
  return (
    <Modal
      open
      width="min(1100px, 100vw)"
      title={t('dataroom.redaction.title', { title: document.title })}
      onCancel={onClose}
      footer={
        <Button
          type="primary"
          danger
          disabled={selected === 0 || busy}
          loading={busy}
          onClick={() => void apply()}
          data-testid="apply-redaction"
        >
          {t('dataroom.redaction.apply')}
        </Button>
      }
    >
      {error !== undefined && <ApiErrorAlert error={error} />}
      {!proposal && error === undefined && <Skeleton active />}
      {proposal && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <p className="sb-dr-hint">{t('dataroom.redaction.intro')}</p>
          {!proposal.hasTextLayer && (
            <Alert type="warning" showIcon title={t('dataroom.redaction.noTextLayer')} data-testid="no-text-layer" />
          )}
          <Space wrap>
            <Tag>{t('dataroom.redaction.proposed', { count: proposal.proposals.length })}</Tag>
            <Tag color="red">{t('dataroom.redaction.selected', { count: selected })}</Tag>
            <span className="sb-dr-hint">{t('dataroom.redaction.drawHint')}</span>
          </Space>
          {Array.from({ length: proposal.pageCount }, (_, i) => i + 1).map((page) => (
            <div key={page} className="sb-dr-redact-page" onPointerDown={down(page)} onPointerMove={move} onPointerUp={up}>
              <img src={dataroomApi.pageUrl(listingId, document.id, page, proposal.versionId)} alt="" draggable={false} loading="lazy" />
              {[
                ...boxes.filter((b) => b.page === page),
                ...(draft && draft.page === page ? [{ ...draft, kind: 'draft', on: true }] : []),
              ].map((b) => (
                <button
                  type="button"
                  key={b.id}
                  data-box="1"
                  className={`sb-dr-box${b.on ? ' on' : ''}`}
                  style={{ left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%` }}
                  aria-label={b.kind}
                  onClick={() => setBoxes((all) => all.map((x) => (x.id === b.id ? { ...x, on: !x.on } : x)))}
                />
              ))}
            </div>
          ))}
        </Space>
      )}
    </Modal>
  );
}
