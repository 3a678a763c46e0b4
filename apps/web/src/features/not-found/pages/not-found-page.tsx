import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';

/** Any unknown path, public or inside the console. */
export function NotFoundPage({ homeHref = '/' }: { homeHref?: string }) {
  const { t } = useTranslation();
  useDocumentTitle('notFound');
  return (
    <div className="sb-container sb-page sb-not-found" data-testid="not-found">
      <Result
        status="404"
        title={<h1 className="sb-not-found-title">{t('notFound.title')}</h1>}
        subTitle={t('notFound.body')}
        extra={
          <ButtonLink type="primary" to={homeHref}>
            {t('common.backHome')}
          </ButtonLink>
        }
      />
    </div>
  );
}
