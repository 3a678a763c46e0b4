import '../security.css';
import { Modal, Skeleton } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SecondFactorForm } from '../../auth/components/second-factor-form.tsx';
import type { ProofMethod } from '../../auth/components/second-factor-form.tsx';
import { listFactors } from '../api/factors-api.ts';
import { stepUpMethods } from '../api/step-up-methods.ts';
import { StepUpContext } from './step-up-context.ts';

type Pending = { resolve: (ok: boolean) => void; promise: Promise<boolean> };

/** Hosts the one step-up dialog of the app; `useStepUp()` opens it when a call answers STEP_UP_REQUIRED. */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const pending = useRef<Pending | null>(null);
  const [open, setOpen] = useState(false);
  const [methods, setMethods] = useState<ProofMethod[] | undefined>(undefined);

  const finish = useCallback((ok: boolean) => {
    pending.current?.resolve(ok);
    pending.current = null;
    setOpen(false);
  }, []);

  const prompt = useCallback((): Promise<boolean> => {
    // Two calls needing a step-up at once share one dialog.
    if (pending.current) return pending.current.promise;
    let resolve: (ok: boolean) => void = () => undefined;
    const promise = new Promise<boolean>((r) => (resolve = r));
    pending.current = { resolve, promise };
    setMethods(undefined);
    setOpen(true);
    listFactors().then(
      (factors) => setMethods(stepUpMethods(factors)),
      () => setMethods(stepUpMethods(undefined)),
    );
    return promise;
  }, []);

  return (
    <StepUpContext.Provider value={prompt}>
      {children}
      <Modal
        open={open}
        title={t('security.stepUp.title')}
        onCancel={() => finish(false)}
        footer={null}
        destroyOnHidden
        maskClosable={false}
        width={440}
      >
        <div data-testid="step-up-modal">
          <p className="sb-muted sb-step-up-intro">{t('security.stepUp.intro')}</p>
          {methods ? <SecondFactorForm methods={methods} onVerified={() => finish(true)} /> : <Skeleton active paragraph={{ rows: 3 }} />}
        </div>
      </Modal>
    </StepUpContext.Provider>
  );
}
