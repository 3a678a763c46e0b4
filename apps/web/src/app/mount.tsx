import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '@sealbridge/contracts';
import { changeLocale, i18nReady } from '../shared/i18n/i18n.ts';
import { App } from './app.tsx';

/**
 * Starts the SPA in the container. Server-rendered content there stays visible until React's first commit
 * replaces it. `locale` is a language the visitor picked on the server-rendered page before the app was running.
 */
export async function mount(container: HTMLElement, locale?: Locale): Promise<void> {
  await i18nReady;
  if (locale) await changeLocale(locale);
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
