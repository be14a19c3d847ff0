// Three suites: `unit` (beside the code, no services), `integration` (a real Orthanc started by the
// test harness) and `browser` (Chromium driving the prebuilt OHIF viewer with our bundles).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.css$': '<rootDir>/tests/jest/cssAsText.js' },
  // Workspace packages are tested from source, not from their build output.
  moduleNameMapper: {
    '^@segqc/core$': '<rootDir>/packages/core/src/index.ts',
    '^@segqc/core/dist/(.*)$': '<rootDir>/packages/core/src/$1',
    '^@segqc/demo-data$': '<rootDir>/packages/demo-data/src/index.ts',
    '^@segqc/server$': '<rootDir>/packages/server/src/index.ts',
    '^@segqc/gateway$': '<rootDir>/packages/gateway/src/index.ts',
    '^@segqc/case-store$': '<rootDir>/packages/case-store/src/index.ts',
  },
  testEnvironment: 'node',
  // Every test must make at least one assertion (issue 14): see tests/jest/requireAssertions.js.
  setupFilesAfterEnv: ['<rootDir>/tests/jest/requireAssertions.js'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{packages,extensions,modes}/*/src/**/*.test.{ts,tsx}', '<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
  ],
};
