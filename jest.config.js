/** `npm test`: every unit and integration test of every project, in one run with one summary. */
module.exports = {
  projects: ['<rootDir>/libs/contracts', '<rootDir>/libs/domain', '<rootDir>/apps/api', '<rootDir>/apps/web'],
};
