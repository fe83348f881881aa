module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'editor-schema',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
