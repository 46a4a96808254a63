/**
 * The layer rule and the cycle check, run by `npm run lint` (README "Layout").
 * Shells (src/github/, src/cli/, the entries) → use cases (src/run/) → the core (everything else in src/).
 * Type-only imports count: a layer that needs another's types depends on it.
 */
const SHELLS = '^src/(github/|cli/|cli\\.ts$|index\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles: every module can be understood (and loaded) after the ones it imports.',
      severity: 'error',
      from: { path: '^(src|sim)/' },
      to: { circular: true },
    },
    {
      name: 'core-not-shells',
      comment: 'The core takes plain values: it never imports the use cases or the shells.',
      severity: 'error',
      from: { path: '^src/', pathNot: [SHELLS, '^src/run/'] },
      to: { path: [SHELLS, '^src/run/'] },
    },
    {
      name: 'run-not-shells',
      comment: 'Use cases serve both shells: they never import one.',
      severity: 'error',
      from: { path: '^src/run/' },
      to: { path: SHELLS },
    },
    {
      name: 'shells-apart',
      comment: 'The action and the CLI share only what lies below them.',
      severity: 'error',
      from: { path: '^src/github/' },
      to: { path: '^src/(cli/|cli\\.ts$)' },
    },
    {
      name: 'shells-apart-cli',
      comment: 'The action and the CLI share only what lies below them.',
      severity: 'error',
      from: { path: '^src/(cli/|cli\\.ts$)' },
      to: { path: '^src/(github/|index\\.ts$)' },
    },
    {
      name: 'client-not-presentation',
      comment:
        "The Okta client (and each resource's read of Okta) never formats reports: not src/render/, the export report, nor a resource's render.ts.",
      severity: 'error',
      from: { path: ['^src/okta/', '^src/resources/[^/]+/read\\.ts$'] },
      to: {
        path: ['^src/render/', '^src/export/(report|render-yaml)\\.ts$', '^src/resources/[^/]+/render\\.ts$'],
      },
    },
    {
      name: 'resource-render-below-reports',
      comment:
        "A resource's render.ts says how that resource reads, from the rendering's small pieces (words, markdown); the reports that lay it out import it, never the reverse.",
      severity: 'error',
      from: { path: '^src/resources/[^/]+/render\\.ts$' },
      to: { path: '^src/render/', pathNot: '^src/render/(words|markdown)\\.ts$' },
    },
    {
      name: 'definitions-not-client',
      comment:
        "Definitions (and each resource's definition schema) are read and checked without Okta: they never import the client, a resource's read, plan, apply or export.",
      severity: 'error',
      from: { path: ['^src/definitions/', '^src/resources/[^/]+/schema\\.ts$'] },
      to: {
        path: ['^src/(okta|plan|apply|export|render)/', '^src/resources/'],
        pathNot: '^src/resources/[^/]+/schema\\.ts$',
      },
    },
    {
      name: 'kinds-are-data',
      comment:
        'An app kind module is plain data: it may name definition types and feature names, nothing else.',
      severity: 'error',
      from: { path: '^src/kinds/' },
      to: {
        path: '^src/',
        pathNot: ['^src/kinds/', '^src/definitions/types\\.ts$', '^src/resources/features/schema\\.ts$'],
      },
    },
    {
      name: 'sim-not-src',
      comment:
        'The simulator is a stand-in for Okta: it imports nothing of the action, so it can disagree with it.',
      severity: 'error',
      from: { path: '^sim/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
