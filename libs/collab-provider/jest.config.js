module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'collab-provider',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
