import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';

const BUYERS = ['buyers1', 'buyers2', 'buyers3', 'buyers4'] as const;
const SELLERS = ['sellers1', 'sellers2', 'sellers3', 'sellers4'] as const;

/** Security and anti-fraud guides for company buyers and sellers. */
export function GuidesSection() {
  const { t } = useTranslation();
  return (
    <section id="guides" className="sb-privacy-section" data-testid="privacy-guides">
      <h2>{t('consent.guides.title')}</h2>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('consent.guides.buyersTitle')} size="small">
            <ul>
              {BUYERS.map((k) => (
                <li key={k}>{t(`consent.guides.${k}`)}</li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('consent.guides.sellersTitle')} size="small">
            <ul>
              {SELLERS.map((k) => (
                <li key={k}>{t(`consent.guides.${k}`)}</li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
    </section>
  );
}
