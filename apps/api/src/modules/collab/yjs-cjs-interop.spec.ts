import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as Y from 'yjs';

const ROOT = path.resolve(__dirname, '../../../../..');
const load = createRequire(__filename);
const { patchSource, targets, MARK } = load(path.join(ROOT, 'scripts/patch-cjs-interop.js')) as {
  patchSource: (source: string) => { state: 'patched' | 'already' | 'absent'; source: string };
  targets: (root: string) => string[];
  MARK: string;
};

// rollup's CJS helper as yjs ships it, with the code around it
const HELPER = `function _interopNamespaceDefault(e) {
  var n = Object.create(null);
  if (e) {
    Object.keys(e).forEach(function (k) {
      if (k !== 'default') {
        var d = Object.getOwnPropertyDescriptor(e, k);
        Object.defineProperty(n, k, d.get ? d : {
          enumerable: true,
          get: function () { return e[k]; }
        });
      }
    });
  }
  n.default = e;
  return Object.freeze(n);
}`;
const SHIPPED = `'use strict';\nvar decoding = require('lib0/decoding');\n\n${HELPER}\n\nvar decoding__namespace = /*#__PURE__*/_interopNamespaceDefault(decoding);\nexports.f = (d) => decoding__namespace.readVarUint(d);\n`;

describe('postinstall patch of the Yjs CJS builds (scripts/patch-cjs-interop.js)', () => {
  it('replaces the getter namespace with the module itself, once', () => {
    const first = patchSource(SHIPPED);
    expect(first.state).toBe('patched');
    expect(first.source).not.toContain('get: function () { return e[k]; }');
    expect(first.source).toContain(`function _interopNamespaceDefault(e) { return e; } // ${MARK}`);
    expect(first.source).toContain('decoding__namespace.readVarUint(d)');
    expect(patchSource(first.source)).toEqual({ state: 'already', source: first.source });
  });

  it('leaves alone a build without the helper, or one that reads a namespace as a whole', () => {
    expect(patchSource("'use strict';\nexports.x = 1;\n").state).toBe('absent');
    const wholeNamespace = `${SHIPPED}exports.g = decoding__namespace.default;\n`;
    expect(patchSource(wholeNamespace)).toEqual({ state: 'absent', source: wholeNamespace });
  });

  it('has run on the installed yjs and y-protocols (npm ci runs it as postinstall)', () => {
    const files = targets(ROOT).map((f) => path.relative(path.join(ROOT, 'node_modules'), f));
    expect(files).toEqual(expect.arrayContaining(['yjs/dist/yjs.cjs', 'y-protocols/dist/sync.cjs', 'y-protocols/dist/awareness.cjs']));
    for (const f of ['yjs/dist/yjs.cjs', 'y-protocols/dist/sync.cjs', 'y-protocols/dist/awareness.cjs']) {
      expect({ f, patched: readFileSync(path.join(ROOT, 'node_modules', f), 'utf8').includes(MARK) }).toEqual({ f, patched: true });
    }
    // and this process's Yjs is that build: a document still round-trips through it
    const doc = new Y.Doc();
    doc.getText('t').insert(0, '协商议政');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getText('t').toString()).toBe('协商议政');
    expect(load.resolve('yjs')).toBe(path.join(ROOT, 'node_modules/yjs/dist/yjs.cjs'));
  });
});
