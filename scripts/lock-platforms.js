#!/usr/bin/env node
/**
 * The npm registry mirror of this workplace serves only the Linux builds of platform-specific packages
 * (e.g. @swc/core-darwin-arm64 is a 404), so `npm install` cannot record the others in package-lock.json
 * and `npm ci` then refuses the lock as out of sync. This adds an entry for every optional platform
 * package that a locked package names but the lock lacks, marked with its os/cpu/libc so npm skips it
 * on this platform without fetching it. Run after `npm install`: `node scripts/lock-platforms.js`.
 */
const fs = require('node:fs');
const path = require('node:path');
const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pkgs = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el', 'ppc64le', 'universal'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p) || p === 'win');
  const cpu = parts.find((p) => CPU.includes(p));
  const libc = parts.includes('musl') || parts.includes('musleabihf') ? 'musl' : parts.includes('gnu') || parts.includes('gnueabihf') ? 'glibc' : undefined;
  if (!os && !cpu) return null;
  const out = {};
  if (os) out.os = [os === 'win' ? 'win32' : os];
  if (cpu && cpu !== 'universal') out.cpu = [cpu];
  if (libc && (out.os?.[0] ?? 'linux') === 'linux') out.libc = [libc];
  // Never installable here: claim a platform that is not this one.
  if (!out.os || out.os[0] === process.platform) out.os = out.os ?? ['none'];
  return out;
}

let added = 0;
for (const [where, entry] of Object.entries(pkgs)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = where ? `${where}/node_modules/${dep}` : `node_modules/${dep}`;
    if (pkgs[base] || pkgs[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    if (platform.os[0] === process.platform && !(platform.cpu && platform.cpu[0] !== process.arch) && !(platform.libc)) continue;
    pkgs[`node_modules/${dep}`] = { version: String(range).replace(/^[\^~=]/, ''), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-platforms: added ${added} placeholder entries for other platforms`);
