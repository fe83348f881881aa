/** `npm test`: every unit and integration test of every project, in one run with one summary. */
module.exports = {
  projects: ['<rootDir>/libs/contracts', '<rootDir>/libs/domain', '<rootDir>/libs/editor-schema', '<rootDir>/libs/collab-provider', '<rootDir>/apps/api', '<rootDir>/apps/web'],
  // Set here: with `projects`, a project's own testTimeout is not applied. Integration suites boot the
  // whole app on a fresh database, which takes seconds on a busy two-core machine.
  testTimeout: 30_000,
  // Every core: jest's default (cores − 1) runs a 2-core machine's suites in band, mostly waiting on
  // PostgreSQL; two workers halve `npm test` there (each suite has a database of its own).
  maxWorkers: '100%',
};
