import { AGE_BANDS, CAPITAL_BANDS, LICENCES, LISTING_SORTS, TAX_CREDIT_GRADES, TAXPAYER_TYPES } from '@sealbridge/contracts';
import type { TRegions } from '@sealbridge/contracts';
import { Button, Cascader, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The industries buyers pick from (free text in listings; the list offers the common ones). */
export const INDUSTRIES = [
  '信息技术',
  '建筑工程',
  '贸易',
  '人力资源',
  '医疗器械',
  '文化传媒',
  '餐饮管理',
  '物流运输',
  '投资咨询',
  '环保科技',
];

export type Filters = Record<string, string>;

type Props = {
  value: Filters;
  regions: TRegions | undefined;
  onChange: (next: Filters) => void;
  /** Off inside the phone sheet, whose own title already names the filters. */
  showTitle?: boolean;
};

/** Every filter the API offers, kept in the URL so a search can be shared and saved. */
export function FilterPanel({ value, regions, onChange, showTitle = true }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const list = (key: string) => (value[key] ? value[key].split(',') : []);
  const initial = {
    q: value['q'] ?? '',
    // A city code names its province (its first two digits), so a link with only cityCode fills both levels.
    region: value['cityCode'] ? [value['cityCode'].slice(0, 2), value['cityCode']] : value['provinceCode'] ? [value['provinceCode']] : [],
    industry: value['industry'],
    ageBand: list('ageBand'),
    capitalBand: list('capitalBand'),
    taxpayerType: value['taxpayerType'],
    taxCreditGrade: list('taxCreditGrade'),
    licence: list('licence'),
    hasBankAccount: value['hasBankAccount'] === 'true',
    noRedFlags: value['noRedFlags'] === 'true',
    priceMaxWan: value['priceMaxWan'] ? Number(value['priceMaxWan']) : undefined,
    sort: value['sort'] ?? 'newest',
  };
  const submit = (v: typeof initial) => {
    const next: Filters = {};
    const put = (key: string, x: unknown) => {
      if (Array.isArray(x) ? x.length > 0 : x !== undefined && x !== '' && x !== false && x !== null)
        next[key] = Array.isArray(x) ? x.join(',') : String(x);
    };
    put('q', v.q?.trim());
    put('provinceCode', v.region?.[0]);
    put('cityCode', v.region?.[1]);
    put('industry', v.industry);
    put('ageBand', v.ageBand);
    put('capitalBand', v.capitalBand);
    put('taxpayerType', v.taxpayerType);
    put('taxCreditGrade', v.taxCreditGrade);
    put('licence', v.licence);
    put('hasBankAccount', v.hasBankAccount);
    put('noRedFlags', v.noRedFlags);
    put('priceMaxWan', v.priceMaxWan);
    if (v.sort && v.sort !== 'newest') next['sort'] = v.sort;
    onChange(next);
  };
  const options = (regions?.provinces ?? []).map((p) => ({
    value: p.code,
    label: p.name,
    children: p.cities.map((c) => ({ value: c.code, label: c.name })),
  }));
  return (
    <Form form={form} layout="vertical" className="sb-filter-panel" initialValues={initial} onFinish={submit} data-testid="filter-panel">
      {showTitle && <h2>{t('market.filters.title')}</h2>}
      <Form.Item name="q" label={t('market.filters.keyword')}>
        <Input.Search
          placeholder={t('market.filters.keywordPlaceholder')}
          allowClear
          onSearch={() => form.submit()}
          data-testid="filter-q"
        />
      </Form.Item>
      <Form.Item name="region" label={t('market.filters.region')}>
        <Cascader
          options={options}
          changeOnSelect
          placeholder={t('market.filters.regionPlaceholder')}
          showSearch
          data-testid="filter-region"
        />
      </Form.Item>
      <Form.Item name="industry" label={t('market.filters.industry')}>
        <Select
          allowClear
          placeholder={t('market.filters.industryPlaceholder')}
          options={INDUSTRIES.map((i) => ({ value: i, label: i }))}
          data-testid="filter-industry"
        />
      </Form.Item>
      <Form.Item name="ageBand" label={t('market.filters.age')}>
        <Checkbox.Group options={AGE_BANDS.map((b) => ({ value: b, label: t(`listing.ageBand.${b}`) }))} />
      </Form.Item>
      <Form.Item name="capitalBand" label={t('market.filters.capital')}>
        <Checkbox.Group options={CAPITAL_BANDS.map((b) => ({ value: b, label: t(`listing.capitalBand.${b}`) }))} />
      </Form.Item>
      <Form.Item name="taxpayerType" label={t('market.filters.taxpayer')}>
        <Select
          allowClear
          placeholder={t('market.filters.any')}
          options={TAXPAYER_TYPES.map((x) => ({ value: x, label: t(`listing.taxpayerType.${x}`) }))}
        />
      </Form.Item>
      <Form.Item name="taxCreditGrade" label={t('market.filters.creditGrade')}>
        <Checkbox.Group options={TAX_CREDIT_GRADES.map((g) => ({ value: g, label: g }))} />
      </Form.Item>
      <Form.Item name="licence" label={t('market.filters.licence')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('market.filters.licencePlaceholder')}
          options={LICENCES.map((l) => ({ value: l, label: t(`market.licences.${l}`) }))}
        />
      </Form.Item>
      <Form.Item name="priceMaxWan" label={t('market.filters.priceMax')}>
        <InputNumber min={0} max={1000000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="hasBankAccount" valuePropName="checked" noStyle>
        <Checkbox>{t('market.filters.bank')}</Checkbox>
      </Form.Item>
      <Form.Item name="noRedFlags" valuePropName="checked">
        <Checkbox>{t('market.filters.noRedFlags')}</Checkbox>
      </Form.Item>
      <Form.Item name="sort" label={t('market.filters.sort')}>
        <Select options={LISTING_SORTS.map((s) => ({ value: s, label: t(`market.filters.sorts.${s}`) }))} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="filter-apply">
          {t('market.filters.apply')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('market.filters.reset')}
        </Button>
      </Space>
    </Form>
  );
}
