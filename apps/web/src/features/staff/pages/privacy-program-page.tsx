import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { useSession } from '../../auth/session/session-context.ts';
import { getConduct, getProgramStanding, listProgramModules, listViolations } from '../api/staff-api.ts';
import { ConductPanel } from '../components/program-conduct.tsx';
import { ModuleEditor, ModuleList } from '../components/program-modules.tsx';
import { ViolationsPanel } from '../components/program-violations.tsx';

const TABS = ['modules', 'conduct', 'violations'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/console/program` — the privacy officer's side of the privacy program (issue 19): training modules (content, quiz
 * with its answer key, pass mark, roles; each save a new revision) with how staff stand, the code of conduct with who
 * has acknowledged it, and 违规处理 (violations with their handling decision and audit records).
 */
export function PrivacyProgramPage() {
  const { t } = useTranslation();
  useDocumentTitle('privacyProgram');
  const { account } = useSession();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'modules';
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const modules = useApiQuery((s) => listProgramModules(s), `program-modules-${round}`);
  const standing = useApiQuery((s) => getProgramStanding(s), `program-standing-${round}`);
  const conduct = useApiQuery((s) => getConduct(s), `program-conduct-${round}`);
  const violations = useApiQuery((s) => listViolations(s), `program-violations-${round}`);
  const refresh = () => setRound((n) => n + 1);
  const opened = modules.data?.items.find((m) => m.code === open);
  const failure = modules.error ?? standing.error ?? conduct.error ?? violations.error;

  return (
    <div className="sb-staff-page sb-program-page" data-testid="privacy-program-page">
      <header className="sb-console-page-header">
        <h1>{t('staff.programAdmin.title')}</h1>
        <p>{t('staff.programAdmin.intro')}</p>
      </header>
      {failure !== undefined ? <ApiErrorAlert error={failure} onRetry={refresh} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'modules' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'modules',
            label: t('staff.programAdmin.tabs.modules'),
            children: opened ? (
              <ModuleEditor key={opened.code} module={opened} onSaved={refresh} onClose={() => setOpen(undefined)} />
            ) : (
              <ModuleList
                modules={modules.data?.items ?? []}
                standing={standing.data?.modules ?? []}
                loading={modules.loading}
                onOpen={setOpen}
              />
            ),
          },
          {
            key: 'conduct',
            label: t('staff.programAdmin.tabs.conduct'),
            children: (
              <ConductPanel conduct={conduct.data} staff={standing.data?.staff ?? []} loading={standing.loading} onPublished={refresh} />
            ),
          },
          {
            key: 'violations',
            label: t('staff.programAdmin.tabs.violations'),
            children: (
              <ViolationsPanel
                violations={violations.data?.items ?? []}
                staff={standing.data?.staff ?? []}
                selfId={account?.id}
                loading={violations.loading}
                onRecorded={refresh}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
