/** Ask once, when the member first asks for the floor (browsers only allow it after a click). */
export function askNotificationPermission(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

/**
 * A system notification when the page is in the background; a phone also vibrates. In the
 * foreground the banner and the live region already say it.
 */
export function notifyTurn(title: string, body: string): void {
  if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') navigator.vibrate([200, 100, 200]);
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  try {
    new Notification(title, { body, tag: 'xieshang-live-turn' });
  } catch {
    // Chrome on Android allows notifications only from a service worker; the page still announces it
  }
}
