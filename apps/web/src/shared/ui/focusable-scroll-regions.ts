import { useEffect } from 'react';

/** antd's scrolling table containers (a wide table inside a narrower card or screen). */
const SCROLLERS = '.ant-table-content, .ant-table-body';
const MARK = 'data-sb-scroll-focus';

/**
 * Every table container that actually scrolls takes keyboard focus, so a keyboard user can scroll it with the arrow
 * keys (WCAG 2.1.1, axe `scrollable-region-focusable`); one that fits is left out of the tab order again. antd
 * offers no prop for it, so one observer for the whole app marks them after each render.
 */
export function useFocusableScrollRegions(): void {
  useEffect(() => {
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const element of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const scrolls = element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
        if (scrolls && !element.hasAttribute('tabindex')) {
          element.tabIndex = 0;
          element.setAttribute(MARK, '');
        } else if (!scrolls && element.hasAttribute(MARK)) {
          element.removeAttribute('tabindex');
          element.removeAttribute(MARK);
        }
      }
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(mark);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, []);
}
