import '@testing-library/jest-dom';

// jsdom lacks the layout APIs Mantine touches.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};
Object.defineProperty(window, 'getComputedStyle', { value: window.getComputedStyle.bind(window), writable: true });

// Mantine's notifications live in a module-level store that outlives each test's render.
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';

// npm test runs the api's integration suites beside these on every core: a menu's open transition can take
// longer than the default 1 s there. A missing element still fails, only later.
configure({ asyncUtilTimeout: 5_000 });
afterEach(() => {
  cleanup();
  notifications.clean();
});
