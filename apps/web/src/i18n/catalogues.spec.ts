import * as fs from 'node:fs';
import * as path from 'node:path';
import { ERROR_CODES, ERROR_REGISTRY, LOCALES, ROLES } from '@xieshang/contracts';
import { NAV_ITEMS } from '../features/shell/navConfig';
import { flatKeys, resources, type Tree } from './resources';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
function leaf(tree: Tree, key: string): string | undefined {
  const v = key.split('.').reduce<string | Tree | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), tree);
  return typeof v === 'string' ? v : undefined;
}

const zh = resources['zh-CN'];
const en = resources.en;

describe('translation catalogues', () => {
  it('exist for every locale of the contracts', () => {
    expect(Object.keys(resources).sort()).toEqual([...LOCALES].sort());
  });

  it('have exactly the same keys in zh-CN and en', () => {
    expect(flatKeys(en).sort()).toEqual(flatKeys(zh).sort());
  });

  it('use the same {placeholders} in both languages', () => {
    for (const key of flatKeys(zh)) expect([key, placeholders(leaf(en, key)!)]).toEqual([key, placeholders(leaf(zh, key)!)]);
  });

  it('have no empty strings', () => {
    for (const tree of [zh, en]) for (const key of flatKeys(tree)) expect([key, leaf(tree, key)!.trim().length > 0]).toEqual([key, true]);
  });

  it.each(ERROR_CODES)('translate error %s with the registry placeholders', (code) => {
    for (const tree of [zh, en]) {
      const text = leaf(tree, `errors.${code}`);
      expect(text).toBeDefined();
      expect(placeholders(text!)).toEqual(placeholders(ERROR_REGISTRY[code].message));
    }
  });

  it('name every role and every navigation entry', () => {
    for (const r of ROLES) expect(leaf(zh, `roles.${r}`)).toBeDefined();
    for (const item of NAV_ITEMS) expect(leaf(zh, item.labelKey)).toBeDefined();
  });

  it('contain every literal key the source code asks for', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(__dirname, '..'));
    const used = new Set<string>();
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/labelKey: '([a-zA-Z.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => leaf(zh, k) === undefined);
    expect(missing).toEqual([]);
  });
});
