import { CameraOutlined, CheckOutlined, EyeOutlined } from '@ant-design/icons';
import { DEAL_PHOTO_MAX_BYTES, type TCustodyView, type TDealImage, type TDealView } from '@sealbridge/contracts';
import { App, Button, Card, Input, Modal, Switch, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { dealsApi, readImageFile, todayInChina } from '../api/deals-api.ts';
import { useDealLabels } from './deal-labels.ts';

type Props = { deal: TDealView; run: (work: () => Promise<TDealView>) => Promise<boolean> };

/** Opens a sealed deal image (the server records who looked) and shows it in a dialog. */
export function useImageViewer() {
  const { message } = App.useApp();
  const labels = useDealLabels();
  const [shown, setShown] = useState<{ title: string; src: string } | null>(null);
  const open = async (title: string, load: () => Promise<TDealImage>) => {
    try {
      const image = await load();
      if (image.image.state !== 'revealed') return;
      setShown({ title, src: `data:image/${image.type ?? 'jpeg'};base64,${image.image.value}` });
    } catch (error) {
      void message.error(errorText(error, labels.locale));
    }
  };
  const viewer = (
    <Modal open={Boolean(shown)} title={shown?.title} footer={null} onCancel={() => setShown(null)} width={720}>
      {shown && <img className="sb-deal-photo" src={shown.src} alt={shown.title} data-testid="deal-photo" />}
    </Modal>
  );
  return { open, viewer };
}

/** A hidden file input behind a button: JPEG / PNG up to 2 MB, read as base64 and handed to `onImage`. */
export function PhotoButton({ label, onImage, testId }: { label: string; onImage: (base64: string) => void; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="small" icon={<CameraOutlined />} onClick={() => input.current?.click()} data-testid={testId}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png"
        hidden
        data-testid={`${testId}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) readImageFile(file, DEAL_PHOTO_MAX_BYTES).then(onImage, () => void message.error(t('deals.custody.photoInvalid')));
        }}
      />
    </>
  );
}

function CustodyCard({
  deal,
  item,
  run,
  view,
}: Props & { item: TCustodyView; view: (title: string, load: () => Promise<TDealImage>) => void }) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const [seal, setSeal] = useState({ old: todayInChina(), new: todayInChina() });
  const open = deal.status === 'open';
  const name = labels.item(item.kind);
  const party = deal.side === 'seller' || deal.side === 'buyer';
  const mineConfirmed = deal.side === 'seller' ? item.sellerConfirmedAt : item.buyerConfirmedAt;
  return (
    <Card
      size="small"
      title={
        <span>
          {name} {item.seal && <Tag>{t('deals.custody.seal')}</Tag>}
        </span>
      }
      extra={
        item.applicable ? (
          <Tag color={item.complete ? 'green' : 'orange'}>
            {item.complete ? t('deals.custody.complete') : t('deals.custody.incomplete')}
          </Tag>
        ) : (
          <Tag>{t('deals.custody.notApplicable')}</Tag>
        )
      }
      data-testid={`custody-${item.kind}`}
    >
      <div className="sb-deal-form">
        {deal.side === 'broker' && open && (
          <label className="sb-deal-form-row">
            <Switch size="small" checked={item.applicable} onChange={(on) => void run(() => dealsApi.applicable(deal.id, item.kind, on))} />{' '}
            {t('deals.custody.inScope')}
          </label>
        )}
        {item.applicable && (
          <>
            <div className="sb-deal-form-row">
              <span>{t('deals.custody.photo')}：</span>
              {item.photo.present ? (
                <>
                  <span>
                    {item.photo.uploadedBy ? t('deals.custody.uploadedBy', { side: t(`deals.sides.${item.photo.uploadedBy}`) }) : ''}
                  </span>
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    onClick={() => view(t('deals.custody.photoTitle', { item: name }), () => dealsApi.revealPhoto(deal.id, item.kind))}
                    data-testid={`view-${item.kind}`}
                  >
                    {t('deals.custody.view')}
                  </Button>
                </>
              ) : (
                <span>{t('deals.custody.noPhoto')}</span>
              )}
              {open && (
                <PhotoButton
                  label={item.photo.present ? t('deals.custody.replace') : t('deals.custody.upload')}
                  onImage={(b64) => void run(() => dealsApi.uploadPhoto(deal.id, item.kind, b64))}
                  testId={`upload-${item.kind}`}
                />
              )}
            </div>
            <div>
              {item.sellerConfirmedAt ? (
                <Tag icon={<CheckOutlined />} color="green">
                  {t('deals.custody.sellerConfirmed')}
                </Tag>
              ) : (
                <Tag>{t('deals.custody.sellerPending')}</Tag>
              )}
            </div>
            <div>
              {item.buyerConfirmedAt ? (
                <Tag icon={<CheckOutlined />} color="green">
                  {t('deals.custody.buyerConfirmed')}
                </Tag>
              ) : (
                <Tag>{t('deals.custody.buyerPending')}</Tag>
              )}
            </div>
            {open && party && item.photo.present && !mineConfirmed && (
              <Button
                type="primary"
                size="small"
                onClick={() => void run(() => dealsApi.confirm(deal.id, item.kind))}
                data-testid={`confirm-${item.kind}`}
              >
                {deal.side === 'seller' ? t('deals.custody.confirmSeller') : t('deals.custody.confirmBuyer')}
              </Button>
            )}
            {item.seal &&
              (item.oldSealCancelledOn && item.newSealFiledOn ? (
                <div>
                  {t('deals.custody.sealCancelled', { old: labels.day(item.oldSealCancelledOn), new: labels.day(item.newSealFiledOn) })}
                </div>
              ) : (
                <div className="sb-deal-form">
                  <span>{t('deals.custody.sealOpen')}</span>
                  {open && deal.side !== 'seller' && (
                    <div className="sb-deal-form-row">
                      <label>
                        {t('deals.custody.oldCancelledOn')}{' '}
                        <Input
                          type="date"
                          value={seal.old}
                          max={todayInChina()}
                          onChange={(e) => setSeal({ ...seal, old: e.target.value })}
                          style={{ width: 160 }}
                        />
                      </label>
                      <label>
                        {t('deals.custody.newFiledOn')}{' '}
                        <Input
                          type="date"
                          value={seal.new}
                          max={todayInChina()}
                          onChange={(e) => setSeal({ ...seal, new: e.target.value })}
                          style={{ width: 160 }}
                        />
                      </label>
                      <Button
                        size="small"
                        onClick={() => void run(() => dealsApi.seal(deal.id, item.kind, seal.old, seal.new))}
                        data-testid={`seal-${item.kind}`}
                      >
                        {t('deals.custody.recordSeal')}
                      </Button>
                    </div>
                  )}
                </div>
              ))}
          </>
        )}
      </div>
    </Card>
  );
}

/** The custody ledger: one card per item, photo evidence, both sides' confirmations, seal cancellations. */
export function CustodyLedger({ deal, run }: Props) {
  const { t } = useTranslation();
  const { open, viewer } = useImageViewer();
  return (
    <section>
      <p>{t('deals.custody.intro')}</p>
      <div className="sb-deal-grid">
        {deal.custody.map((item) => (
          <CustodyCard key={item.kind} deal={deal} item={item} run={run} view={(title, load) => void open(title, load)} />
        ))}
      </div>
      {viewer}
    </section>
  );
}
