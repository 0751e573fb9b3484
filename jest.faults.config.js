// The fault suite and the burst test: their own jest run, one file at a time (`npm run test:faults`, which
// `npm test` calls after the main run), because each starts private services and loads the machine.
const base = require('./jest.config');

const { testMatch: _ignored, displayName: _name, ...project } = base.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  projects: [{ ...project, displayName: 'faults', testMatch: ['<rootDir>/tests/faults/**/*.faults.spec.ts'] }],
  testTimeout: 30 * 60_000,
};
