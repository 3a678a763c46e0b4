import './global.css';
import './prerender.css';
import type { Locale } from '@sealbridge/contracts';
import { readCsrfToken } from '../shared/api/csrf.ts';
import { readStoredLocale } from '../shared/i18n/locale-store.ts';

/**
 * The boot script: tiny on purpose (no React, no antd). The public pages (`/`, `/listings`, a listing, `/privacy`, `/privacy/transparency`)
 * arrive server-rendered in zh-CN with real links (data-prerendered on #root); an anonymous zh-CN visitor reads and
 * navigates them without any script, and the SPA (React, antd, the messages of one language) is fetched and started
 * on the first interaction — a touch, a pointer movement, a key, a scroll, focus. Everyone else (signed in, English,
 * every other page) gets the SPA at once. See ADR 0016, addendum.
 */
const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

const INTERACTIONS = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel', 'scroll', 'focusin'] as const;
let started = false;
let pickedLocale: Locale | undefined;

function start(): void {
  if (started) return;
  started = true;
  for (const type of INTERACTIONS) window.removeEventListener(type, start, true);
  void import('./mount.tsx').then((m) => m.mount(container as HTMLElement, pickedLocale));
}

const signedIn = readCsrfToken() !== undefined;
if (!container.hasAttribute('data-prerendered') || signedIn || readStoredLocale() !== 'zh-CN') {
  start();
} else {
  for (const type of INTERACTIONS) window.addEventListener(type, start, { capture: true, passive: true });
  // The server-rendered language button: remember the choice, then let the app show the page in that language.
  container.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-sb-locale]');
    if (!button) return;
    pickedLocale = button.dataset.sbLocale === 'en' ? 'en' : 'zh-CN';
    if (!started) start();
    else void import('../shared/i18n/i18n.ts').then((m) => m.changeLocale(pickedLocale ?? 'zh-CN'));
  });
}
