import { Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import type { TWitnessesResponse } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';

type Props = { witnesses: TWitnessesResponse | undefined; latestSize: number | undefined; error: unknown; onRetry: () => void };

/** Each witness, the largest checkpoint it cosigned and how far behind the latest that is, with its key to copy. */
export function WitnessesCard({ witnesses, latestSize, error, onRetry }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  let body;
  if (witnesses === undefined) {
    body = error !== undefined ? <ApiErrorAlert error={error} onRetry={onRetry} testId="audit-witnesses-error" /> : <Skeleton active />;
  } else if (witnesses.witnesses.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.witnesses.none')} data-testid="audit-witnesses-none" />;
  } else {
    body = (
      <List
        dataSource={witnesses.witnesses}
        data-testid="audit-witnesses"
        renderItem={(w) => {
          const behind = w.latest && latestSize !== undefined ? Math.max(0, latestSize - w.latest.size) : undefined;
          return (
            <List.Item key={`${w.name}+${w.keyId}`} data-testid="audit-witness">
              <div className="sb-audit-witness">
                <div className="sb-audit-witness-head">
                  <span className="sb-mono">{w.name}</span>
                  {w.latest ? (
                    <Tag color={behind === 0 ? 'green' : 'gold'}>
                      {behind === 0 ? t('audit.witnesses.current') : t('audit.witnesses.behind', { count: behind ?? 0 })}
                    </Tag>
                  ) : (
                    <Tag>{t('audit.witnesses.notYet')}</Tag>
                  )}
                </div>
                {w.latest && (
                  <div className="sb-audit-witness-facts">
                    <span>
                      {t('audit.witnesses.size')}: {w.latest.size}
                    </span>
                    <span>
                      {t('audit.witnesses.cosignedAt')}: {formatDateTime(w.latest.cosignedAt, locale, { seconds: true })}
                    </span>
                  </div>
                )}
                <Typography.Paragraph
                  className="sb-mono sb-audit-copy-block"
                  copyable={{ text: w.vkey, tooltips: [t('audit.copy'), t('audit.copied')] }}
                >
                  <pre>{w.vkey}</pre>
                </Typography.Paragraph>
                {w.latest && (
                  <Typography.Paragraph
                    className="sb-mono sb-audit-copy-block"
                    copyable={{ text: w.latest.signatureLine, tooltips: [t('audit.copy'), t('audit.copied')] }}
                  >
                    <pre>{w.latest.signatureLine}</pre>
                  </Typography.Paragraph>
                )}
              </div>
            </List.Item>
          );
        }}
      />
    );
  }
  return (
    <Card title={t('audit.witnesses.title')} data-testid="audit-witnesses-card">
      <p className="sb-audit-card-intro">{t('audit.witnesses.intro')}</p>
      {body}
    </Card>
  );
}
