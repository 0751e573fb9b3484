// The fault suite and the burst test: their own jest run, one file at a time, because each starts private services
// and loads the machine. `npm run test:faults` (which `BAOHO_WITH_FAULTS=1 npm test` calls after the main run) and `npm run test:burst`.
const base = require('./jest.config');

const { testMatch: _ignored, displayName: _name, ...project } = base.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  projects: [
    { ...project, displayName: 'faults', testMatch: ['<rootDir>/tests/faults/**/*.faults.spec.ts'] },
    { ...project, displayName: 'burst', testMatch: ['<rootDir>/tests/faults/**/*.burst.spec.ts'] },
  ],
  testTimeout: 60 * 60_000,
};
