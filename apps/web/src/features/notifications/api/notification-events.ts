/** Fired after notices were marked read, so the bell updates at once instead of at its next poll. */
export const NOTIFICATIONS_CHANGED = 'sb:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

/** A notice's link, followed only when it is an in-app path (the contract promises one; the page checks anyway). */
export function inAppLink(link: string | null): string | undefined {
  return link && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\') ? link : undefined;
}
