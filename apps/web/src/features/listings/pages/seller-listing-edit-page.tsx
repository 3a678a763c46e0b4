import { COMPANY_TYPES, FILING_KINDS, HANDOVER_ITEMS, LICENCES, RED_FLAGS, TAX_CREDIT_GRADES, TAXPAYER_TYPES } from '@sealbridge/contracts';
import type { TListingInput, TListingOwnerView, TTextFinding } from '@sealbridge/contracts';
import { App, Button, Card, Cascader, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import type { marketZhCN } from '../../../locales/zh-CN/market.ts';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getDistricts, getRegions, sellerApi } from '../api/listings-api.ts';
import { INDUSTRIES } from '../components/filter-panel.tsx';
import { GuardFindings } from '../components/guard-findings.tsx';
import { OwnerPanel } from '../components/owner-panel.tsx';

type FormValues = {
  companyName: string;
  creditCode: string;
  legalRepresentative: string;
  shareholders: string;
  title: string;
  description: string;
  city: string[];
  districtCode: string;
  industry: string;
  companyType: string;
  establishedOn: string;
  registeredCapitalWan: number;
  paidInCapitalWan?: number;
  taxpayerType: string;
  taxCreditGrade?: string;
  filingKind?: string;
  bankAccount?: string;
  licences: string[];
  trademarks?: number;
  patents?: number;
  softwareCopyrights?: number;
  socialInsuranceHeadcount?: number;
  redFlags: string[];
  priceKind: 'fixed' | 'negotiable';
  priceWan?: number;
  handover: string[];
  highlights: string;
  documentNames: string;
};

const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/\n/)
    .map((x) => x.trim())
    .filter(Boolean);

function toInput(v: FormValues, redactOnConfirm: boolean): TListingInput {
  return {
    title: v.title,
    description: v.description ?? '',
    districtCode: v.districtCode,
    industry: v.industry,
    companyType: v.companyType as TListingInput['companyType'],
    establishedOn: v.establishedOn,
    registeredCapitalWan: v.registeredCapitalWan,
    paidInCapitalWan: v.paidInCapitalWan ?? null,
    taxpayerType: v.taxpayerType as TListingInput['taxpayerType'],
    taxCreditGrade: (v.taxCreditGrade ?? null) as TListingInput['taxCreditGrade'],
    filingKind: (v.filingKind ?? null) as TListingInput['filingKind'],
    bankAccount: v.bankAccount?.trim() || null,
    licences: v.licences as TListingInput['licences'],
    ip: { trademarks: v.trademarks ?? 0, patents: v.patents ?? 0, softwareCopyrights: v.softwareCopyrights ?? 0 },
    socialInsuranceHeadcount: v.socialInsuranceHeadcount ?? null,
    redFlags: v.redFlags as TListingInput['redFlags'],
    price: v.priceKind === 'fixed' ? { kind: 'fixed', amountWan: v.priceWan ?? 0 } : { kind: 'negotiable' },
    handover: v.handover as TListingInput['handover'],
    highlights: (v.highlights ?? '')
      .split(/[,，]/)
      .map((x) => x.trim())
      .filter(Boolean),
    documentNames: lines(v.documentNames),
    company: {
      name: v.companyName,
      creditCode: v.creditCode,
      legalRepresentative: v.legalRepresentative,
      shareholders: lines(v.shareholders),
    },
    redactOnConfirm,
  };
}

function fromView(view: TListingOwnerView): Partial<FormValues> {
  const i = view.input;
  return {
    title: i.title,
    description: i.description,
    city: [i.districtCode.slice(0, 2), i.districtCode.slice(0, 4)],
    districtCode: i.districtCode,
    industry: i.industry,
    companyType: i.companyType,
    establishedOn: i.establishedOn,
    registeredCapitalWan: i.registeredCapitalWan,
    ...(i.paidInCapitalWan !== null ? { paidInCapitalWan: i.paidInCapitalWan } : {}),
    taxpayerType: i.taxpayerType,
    ...(i.taxCreditGrade ? { taxCreditGrade: i.taxCreditGrade } : {}),
    ...(i.filingKind ? { filingKind: i.filingKind } : {}),
    bankAccount: i.bankAccount ?? '',
    licences: i.licences,
    trademarks: i.ip.trademarks,
    patents: i.ip.patents,
    softwareCopyrights: i.ip.softwareCopyrights,
    ...(i.socialInsuranceHeadcount !== null ? { socialInsuranceHeadcount: i.socialInsuranceHeadcount } : {}),
    redFlags: i.redFlags,
    priceKind: i.price.kind,
    ...(i.price.kind === 'fixed' ? { priceWan: i.price.amountWan } : {}),
    handover: i.handover,
    highlights: i.highlights.join('，'),
  };
}

/** /account/listings/new and /account/listings/:id — the seller's draft form, guard messages, preview, submit. */
export function SellerListingEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  useDocumentTitle('sellerListings');
  const [form] = Form.useForm<FormValues>();
  const [view, setView] = useState<TListingOwnerView | undefined>(undefined);
  const [findings, setFindings] = useState<TTextFinding[]>([]);
  const [busy, setBusy] = useState(false);
  const regions = useApiQuery((signal) => getRegions(signal), 'regions');
  const city = Form.useWatch('city', form);
  const cityCode = Array.isArray(city) ? city[1] : undefined;
  const districts = useApiQuery((signal) => (cityCode ? getDistricts(cityCode, signal) : Promise.resolve({ items: [] })), cityCode ?? '');
  const priceKind = Form.useWatch('priceKind', form);

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    sellerApi.get(id, controller.signal).then(
      (v) => {
        setView(v);
        form.setFieldsValue(fromView(v));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [id, form]);

  const editable = !view || ['draft', 'changes_requested'].includes(view.status);
  const save = async (redact: boolean) => {
    let values: Awaited<ReturnType<typeof form.validateFields>>;
    try {
      values = await form.validateFields();
    } catch (invalid) {
      // The form shows each field's message; bring the first one into view instead of an unhandled rejection.
      const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    setBusy(true);
    try {
      const body = toInput(values, redact);
      const next = view ? await sellerApi.update(view.id, body) : await sellerApi.create(body);
      setFindings([]);
      setView(next);
      form.setFieldsValue(fromView(next));
      void message.success(t('market.seller.saved'));
      if (!view) void navigate(`/account/listings/${next.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FREE_TEXT_IDENTIFIERS' && Array.isArray(error.details?.['findings'])) {
        setFindings(error.details['findings'] as TTextFinding[]);
      } else void message.error(errorText(error, currentLocale()));
    } finally {
      setBusy(false);
    }
  };
  const act = async (action: 'submit' | 'withdraw') => {
    if (!view) return;
    try {
      setView(action === 'submit' ? await sellerApi.submit(view.id) : await sellerApi.withdraw(view.id));
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };

  const required = [{ required: true, message: t('market.seller.required') }];
  const regionOptions = (regions.data?.provinces ?? []).map((p) => ({
    value: p.code,
    label: p.name,
    children: p.cities.map((c) => ({ value: c.code, label: c.name })),
  }));
  const f = (k: keyof typeof marketZhCN.seller.fields) => t(`market.seller.fields.${k}`);
  return (
    <div className="sb-container sb-page">
      <header className="sb-page-header">
        <h1>{view ? t('market.seller.editTitle') : t('market.seller.newTitle')}</h1>
      </header>
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Form
            form={form}
            layout="vertical"
            disabled={!editable}
            initialValues={{
              companyType: 'llc',
              taxpayerType: 'small_scale',
              priceKind: 'negotiable',
              licences: [],
              redFlags: [],
              handover: [],
            }}
            data-testid="listing-form"
          >
            <Card title={t('market.seller.sections.company')} size="small">
              <Form.Item name="companyName" label={f('companyName')} rules={required}>
                <Input data-testid="f-companyName" />
              </Form.Item>
              <Form.Item name="creditCode" label={f('creditCode')} rules={required}>
                <Input maxLength={18} data-testid="f-creditCode" />
              </Form.Item>
              <Form.Item name="legalRepresentative" label={f('legalRepresentative')} rules={required}>
                <Input data-testid="f-legalRepresentative" />
              </Form.Item>
              <Form.Item name="shareholders" label={f('shareholders')} rules={required}>
                <Input.TextArea rows={2} data-testid="f-shareholders" />
              </Form.Item>
            </Card>
            <Card title={t('market.seller.sections.teaser')} size="small">
              <Form.Item name="title" label={f('title')} extra={t('market.seller.hints.title')} rules={required}>
                <Input maxLength={60} data-testid="f-title" />
              </Form.Item>
              <Form.Item name="description" label={f('description')} extra={t('market.seller.hints.description')}>
                <Input.TextArea rows={4} maxLength={2000} data-testid="f-description" />
              </Form.Item>
              <Form.Item name="highlights" label={f('highlights')}>
                <Input data-testid="f-highlights" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="city" label={t('market.filters.region')} rules={required}>
                    <Cascader options={regionOptions} showSearch data-testid="f-city" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="districtCode" label={f('district')} rules={required}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={(districts.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
                      data-testid="f-district"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="industry" label={f('industry')} rules={required}>
                    <Select showSearch options={INDUSTRIES.map((i) => ({ value: i, label: i }))} data-testid="f-industry" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="companyType" label={f('companyType')}>
                    <Select options={COMPANY_TYPES.map((c) => ({ value: c, label: t(`listing.companyTypes.${c}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="establishedOn" label={f('establishedOn')} rules={required}>
                    <Input type="date" data-testid="f-establishedOn" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="registeredCapitalWan" label={f('registeredCapital')} rules={required}>
                    <InputNumber min={1} style={{ width: '100%' }} data-testid="f-registeredCapital" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="paidInCapitalWan" label={f('paidInCapital')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title={t('market.seller.sections.details')} size="small">
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="taxpayerType" label={f('taxpayerType')}>
                    <Select options={TAXPAYER_TYPES.map((x) => ({ value: x, label: t(`listing.taxpayerType.${x}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="taxCreditGrade" label={f('creditGrade')}>
                    <Select allowClear options={TAX_CREDIT_GRADES.map((g) => ({ value: g, label: g }))} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="filingKind" label={f('filingKind')}>
                    <Select allowClear options={FILING_KINDS.map((k) => ({ value: k, label: t(`market.detail.filingKinds.${k}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="bankAccount" label={f('bankAccount')}>
                <Input maxLength={30} />
              </Form.Item>
              <Form.Item name="licences" label={f('licences')}>
                <Select mode="multiple" options={LICENCES.map((l) => ({ value: l, label: t(`market.licences.${l}`) }))} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item name="trademarks" label={f('trademarks')}>
                    <InputNumber min={0} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="patents" label={f('patents')}>
                    <InputNumber min={0} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="softwareCopyrights" label={f('softwareCopyrights')}>
                    <InputNumber min={0} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="socialInsuranceHeadcount" label={f('headcount')}>
                    <InputNumber min={0} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="redFlags" label={f('redFlags')}>
                <Checkbox.Group options={RED_FLAGS.map((r) => ({ value: r, label: t(`market.redFlags.${r}`) }))} />
              </Form.Item>
              <Form.Item name="documentNames" label={f('documentNames')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Card>
            <Card title={t('market.seller.sections.price')} size="small">
              <Form.Item name="priceKind" label={f('priceKind')}>
                <Radio.Group
                  options={[
                    { value: 'fixed', label: f('priceFixed') },
                    { value: 'negotiable', label: f('priceNegotiable') },
                  ]}
                />
              </Form.Item>
              {priceKind === 'fixed' && (
                <Form.Item name="priceWan" label={f('price')} rules={required}>
                  <InputNumber min={0} />
                </Form.Item>
              )}
              <Form.Item name="handover" label={f('handover')}>
                <Checkbox.Group options={HANDOVER_ITEMS.map((h) => ({ value: h, label: t(`market.handover.${h}`) }))} />
              </Form.Item>
            </Card>
          </Form>
          {findings.length > 0 && <GuardFindings findings={findings} onRedact={() => void save(true)} />}
          <Space className="sb-form-actions" wrap>
            {editable && (
              <Button type="primary" loading={busy} onClick={() => void save(false)} data-testid="save-listing">
                {t('market.seller.save')}
              </Button>
            )}
            {view && editable && (
              <Button onClick={() => void act('submit')} data-testid="submit-listing">
                {t('market.seller.submit')}
              </Button>
            )}
            {view && !['withdrawn', 'sold', 'under_offer'].includes(view.status) && (
              <Button danger onClick={() => void act('withdraw')}>
                {t('market.seller.withdraw')}
              </Button>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          {view && <OwnerPanel view={view} />}
        </Col>
      </Row>
    </div>
  );
}
