/**
 * `npm run test:faults`: the fault suite. Real api processes (the build), a real PostgreSQL the test can
 * stop, redis-server and nginx from Debian; kill -9, outages and reconnect storms. One file at a time.
 */
const preset = require('../../jest.preset.js');
module.exports = {
  ...preset,
  rootDir: __dirname,
  displayName: 'faults',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.fault-spec.ts'],
  testTimeout: 240_000,
};
