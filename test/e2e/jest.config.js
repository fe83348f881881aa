/** `npm run test:e2e`: the built app in a child process, driven by Debian's Chromium through playwright-core. */
const preset = require('../../jest.preset.js');
module.exports = {
  ...preset,
  rootDir: __dirname,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 60_000,
};
