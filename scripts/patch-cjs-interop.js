#!/usr/bin/env node
/**
 * postinstall: make the CommonJS builds of yjs and y-protocols read lib0 through plain properties.
 *
 * Their rollup CJS output wraps every required lib0 module in a namespace whose properties are getters
 * (`get: function () { return e[k]; }`, one closure shared by all keys, so V8 cannot inline it). Every
 * `decoding.readVarUint` in Yjs's hot loops then goes through a megamorphic getter call: applying a
 * 309 KB document took 28 ms in Node instead of 10 ms, encoding it 6.7 ms instead of 2.3 ms (the ESM
 * build that browsers get through Vite has no such wrapper). Node runs the CJS build: the api, jest and
 * the bench fleets. The helper now hands back the module itself: lib0's modules assign their exports once
 * when loaded and nothing reads the namespace's `default`, so the calls are the same, minus the getter.
 * Idempotent; a build that no longer has the helper is left alone (slower, same results).
 */
const fs = require('node:fs');
const path = require('node:path');

// rollup's helper, as yjs 13.6 and y-protocols 1.0 ship it
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
const MARK = 'patched by xieshang scripts/patch-cjs-interop.js';
// the module itself: its functions are plain properties of a fast object (no code reads `.default`)
const DIRECT = `function _interopNamespaceDefault(e) { return e; } // ${MARK}`;

/** 'patched' (changed now), 'already' (done before), 'absent' (no such helper: nothing to do). */
function patchSource(source) {
  if (source.includes(MARK)) return { state: 'already', source };
  if (!source.includes(HELPER)) return { state: 'absent', source };
  // a namespace read as a whole (`.default`, computed keys) would see the difference: leave such a file alone
  if (/__namespace(\.default\b|\[)/.test(source)) return { state: 'absent', source };
  return { state: 'patched', source: source.split(HELPER).join(DIRECT) };
}

/** The files that Node's `require` loads on the Yjs hot paths. */
function targets(root) {
  const out = [];
  for (const dir of ['yjs/dist', 'y-protocols/dist']) {
    const full = path.join(root, 'node_modules', dir);
    if (!fs.existsSync(full)) continue;
    for (const f of fs.readdirSync(full)) if (f.endsWith('.cjs')) out.push(path.join(full, f));
  }
  return out;
}

function main() {
  const root = path.resolve(__dirname, '..');
  const counts = { patched: 0, already: 0, absent: 0 };
  for (const file of targets(root)) {
    const r = patchSource(fs.readFileSync(file, 'utf8'));
    counts[r.state]++;
    if (r.state === 'patched') fs.writeFileSync(file, r.source);
  }
  if (!counts.patched && !counts.already) {
    console.warn('patch-cjs-interop: no yjs/y-protocols CJS build with the getter helper found; Yjs runs unpatched (slower, same results)');
  } else if (counts.patched) {
    console.log(`patch-cjs-interop: ${counts.patched} file(s) patched, ${counts.already} already`);
  }
}

if (require.main === module) main();

module.exports = { patchSource, targets, MARK };
