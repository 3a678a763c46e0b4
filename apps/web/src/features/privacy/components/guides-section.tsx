import type { TEducationItem } from '@sealbridge/contracts';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { loadEducation } from '../../education/api/education-api.ts';

const LOCAL_BUYERS = ['buyers1', 'buyers2', 'buyers3', 'buyers4'] as const;
const LOCAL_SELLERS = ['sellers1', 'sellers2', 'sellers3', 'sellers4'] as const;

/**
 * Security and anti-fraud guides for company buyers and sellers: the privacy officer's current content (issue 19
 * item 6). Until it has loaded (or if it cannot), the texts bundled with the app stand in.
 */
export function GuidesSection() {
  const { t, i18n } = useTranslation();
  const query = useApiQuery(() => loadEducation(), 'education');
  const en = i18n.language.startsWith('en');
  const texts = (
    audience: 'buyer' | 'seller',
    local: readonly (typeof LOCAL_BUYERS)[number][] | readonly (typeof LOCAL_SELLERS)[number][],
  ) => {
    const items = (query.data?.items ?? []).filter((i: TEducationItem) => i.kind === 'guide' && i.audience === audience);
    return items.length > 0
      ? items.map((i) => ({ key: i.code, text: en ? i.text.en : i.text['zh-CN'] }))
      : local.map((k) => ({ key: k, text: String(t(`consent.guides.${k}`)) }));
  };
  return (
    <section id="guides" className="sb-privacy-section" data-testid="privacy-guides">
      <h2>{t('consent.guides.title')}</h2>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('consent.guides.buyersTitle')} size="small">
            <ul>
              {texts('buyer', LOCAL_BUYERS).map((g) => (
                <li key={g.key}>{g.text}</li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('consent.guides.sellersTitle')} size="small">
            <ul>
              {texts('seller', LOCAL_SELLERS).map((g) => (
                <li key={g.key}>{g.text}</li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
    </section>
  );
}
