const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'web',
  // jsdom plus Node's fetch/encoding globals (see the file)
  testEnvironment: '<rootDir>/src/test/jsdom-env.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '\\.(css)$': '<rootDir>/src/test/style-stub.js',
    // Vite-only module (import.meta.glob / import.meta.env) swapped for a Node version under Jest.
    '^(.*)/platform$': '<rootDir>/src/platform.jest.ts',
  },
};
