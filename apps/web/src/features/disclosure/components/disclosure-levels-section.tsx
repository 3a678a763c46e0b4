import { DISCLOSURE_LEVEL_CONTENTS, DISCLOSURE_LEVELS } from '@sealbridge/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { levelFieldNames } from './disclosure-labels.ts';

/** 信息披露等级 in the privacy center: what each level opens (from the one declaration) and who must agree to it. */
export function DisclosureLevelsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const needs = {
    L0: t('disclosure.levelsSection.needsL0'),
    L1: t('disclosure.levelsSection.needsL1'),
    L2: t('disclosure.levelsSection.needsL2'),
    L3: t('disclosure.levelsSection.needsL3'),
  };
  return (
    <section id="disclosure-levels" className="sb-privacy-section" data-testid="privacy-disclosure-levels">
      <h2>{t('disclosure.levelsSection.title')}</h2>
      <p>{t('disclosure.levelsSection.intro')}</p>
      <ol className="sb-levels">
        {DISCLOSURE_LEVELS.map((level) => {
          const fields = levelFieldNames(level, t);
          return (
            <li key={level} className="sb-level" data-level={level}>
              <h3>{DISCLOSURE_LEVEL_CONTENTS[level].label[locale]}</h3>
              <p>{DISCLOSURE_LEVEL_CONTENTS[level].description[locale]}</p>
              {fields.length > 0 && (
                <p>
                  <span className="sb-muted sb-label-after">{t('disclosure.levelsSection.opens')}</span>
                  {fields.map((f) => (
                    <Tag key={f}>{f}</Tag>
                  ))}
                </p>
              )}
              <p>
                <span className="sb-muted sb-label-after">{t('disclosure.levelsSection.needs')}</span>
                {needs[level]}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
