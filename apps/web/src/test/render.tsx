import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { Providers } from '../Providers';

/** Render routes inside the app's providers, starting at `path`. */
export function renderRoutes(routes: RouteObject[], path = '/', state?: unknown) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [{ pathname: path, state }] });
  const utils = render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...utils, router, client };
}

export function renderPage(element: ReactElement, path = '/') {
  return renderRoutes([{ path: '*', element }], path);
}

type Handler = (url: string, init: RequestInit) => { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

/** Replace global fetch by a router of `METHOD /api/path` handlers; unmatched calls answer 404. */
export function stubFetch(handlers: Record<string, Handler>) {
  const calls: { method: string; url: string; init: RequestInit }[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    calls.push({ method, url, init });
    const path = url.split('?')[0];
    const handler = handlers[`${method} ${path}`];
    const out = handler?.(url, init) ?? { status: 404, body: { error: { code: 'ROUTE_NOT_FOUND', message: 'No such route' } } };
    return new Response(out.body === undefined ? null : JSON.stringify(out.body), {
      status: out.status ?? 200,
      headers: { 'content-type': 'application/json', ...out.headers },
    });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return { fetchMock, calls };
}
