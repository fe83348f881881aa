import { localeFiles } from '../platform';

export type Tree = { [key: string]: string | Tree };

/** Each file `locales/<lng>/<feature>.json` becomes the `<feature>.` key prefix of one namespace. */
export function buildResources(files: Record<string, unknown>): Record<string, Tree> {
  const out: Record<string, Tree> = {};
  for (const [file, content] of Object.entries(files)) {
    const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!m) continue;
    const [, lng, feature] = m;
    (out[lng] ??= {})[feature] = content as Tree;
  }
  return out;
}

export const resources = buildResources(localeFiles);

/** Flat list of dotted keys, used by the catalogue tests. */
export function flatKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flatKeys(v, `${prefix}${k}.`),
  );
}
