// Import boundaries, checked by `npm run lint:boundaries` (part of `npm run lint`).
// docs/CONVENTIONS.md names each rule; docs/adr/0004-lint-format-boundaries.md says why.
//
// A server module is a folder server/features/<name>/. Its public API is its index.ts; other
// modules and the composition roots (server/features/index.ts, server/app.ts, server/main.ts)
// import that file only.

/** A file inside a module folder (not server/features/index.ts itself). */
const MODULE_FILE = '^server/features/[^/]+/';
/** The one file of a module that others may import. */
const MODULE_INDEX = '^server/features/[^/]+/index\\.ts$';
/** A module's test-data builders (buildCycle …): importable by tests, never by production code. */
const FIXTURES = '\\.fixtures\\.ts$';
/** Test code: tests, fixtures, the integration-test harness, end-to-end journeys and the benchmark. */
const TEST_SUPPORT = ['\\.test\\.ts$', FIXTURES, '^server/test/', '^e2e/', '^bench/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'client-not-to-server',
      severity: 'error',
      comment: 'The client talks to the server over HTTP only; shapes come from shared/contracts.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-to-client',
      severity: 'error',
      comment: 'The server serves the built client; it never imports client code.',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'shared-not-to-server-or-client',
      severity: 'error',
      comment: 'shared/ holds contracts and pure rules used by both sides; it depends on neither.',
      from: { path: '^shared/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'browser-code-not-to-node',
      severity: 'error',
      comment:
        'client/ and shared/ run in the browser: no Node built-ins and no server-side packages ' +
        '(database, HTTP server, document writers, mail).',
      from: { path: '^(client|shared)/' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'browser-code-not-to-server-packages',
      severity: 'error',
      comment: 'See browser-code-not-to-node.',
      from: { path: '^(client|shared)/' },
      to: {
        path: '(^|/)node_modules/(drizzle-orm|pg|@electric-sql|fastify|@fastify|fastify-[^/]+|docx|exceljs|nodemailer|@node-rs|file-type)/',
      },
    },
    {
      name: 'lib-and-db-not-to-features',
      severity: 'error',
      comment:
        'server/lib and server/db (schema, migrations, seed) sit below the feature modules. ' +
        'A feature that needs to run at startup or on a timer is wired in by a composition root.',
      from: { path: '^server/(lib|db)/' },
      to: { path: '^server/features/' },
    },
    {
      name: 'module-not-to-other-module-internals',
      severity: 'error',
      comment:
        "A module reaches another only through that module's index.ts (its public API), " +
        'never through its services, repositories or tables. Its tests may also use the other ' +
        "module's fixtures.",
      from: { path: '^server/features/([^/]+)/' },
      to: {
        path: '^server/features/[^/]+/',
        pathNot: ['^server/features/$1/', MODULE_INDEX, FIXTURES],
      },
    },
    {
      name: 'outside-not-to-module-internals',
      severity: 'error',
      comment:
        'Code outside the modules (composition roots server/app.ts, server/main.ts and ' +
        'server/features/index.ts, the test harness, e2e, bench, scripts) imports a module ' +
        'through its index.ts only (and, from test code, its fixtures).',
      from: { path: '^(server|e2e|bench|scripts)/', pathNot: MODULE_FILE },
      to: { path: MODULE_FILE, pathNot: [MODULE_INDEX, FIXTURES] },
    },
    {
      name: 'fixtures-only-in-tests',
      severity: 'error',
      comment: 'Fixtures build test data; production code never imports them.',
      from: { pathNot: TEST_SUPPORT },
      to: { path: FIXTURES },
    },
    {
      name: 'seed-only-from-main-and-tests',
      severity: 'error',
      comment:
        'server/db/seed fills a database at startup (server/main.ts) and in tests. Services do not ' +
        'read seed constants: what they need is a setting or a row.',
      from: { path: '^server/', pathNot: ['^server/db/seed/', '^server/main\\.ts$', ...TEST_SUPPORT] },
      to: { path: '^server/db/seed/' },
    },
    {
      name: 'module-not-to-composition-root',
      severity: 'error',
      comment:
        'server/features/index.ts, server/app.ts and server/main.ts wire modules together; no module imports them.',
      from: { path: MODULE_FILE, pathNot: TEST_SUPPORT },
      to: { path: '^server/(features/index|app|main)\\.ts$' },
    },
    {
      name: 'routes-no-sql',
      severity: 'error',
      comment:
        'Thin routes: a route file declares schemas and access and calls one service function. ' +
        'SQL, the schema and repositories belong to services.',
      from: { path: '\\.routes\\.ts$' },
      to: { path: ['(^|/)node_modules/(drizzle-orm|pg)/', '^server/db/', '\\.repository\\.ts$'] },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      comment: 'Modules form a directed graph: if a needs b, b does not need a (directly or through others).',
      scope: 'folder',
      from: { path: '^server/features/[^/]+' },
      to: { path: '^server/features/[^/]+', circular: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No file imports itself through a chain of imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves: no typo in a path, no package that is not installed.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|server/db/migrations)/' },
    // TypeScript 7 has no compiler API for dependency-cruiser to call; swc parses TS and TSX.
    parser: 'swc',
    // Count `import type` too: a type import across a boundary is still a dependency.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
