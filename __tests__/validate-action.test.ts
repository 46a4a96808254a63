import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, runAction, type ActionRun } from './helpers/run-action.js';

/**
 * The broken-definitions corpus: each case is a workspace the action validates as a runner would.
 * Every case asserts the exit code, the annotation's file and line, and the message.
 */
interface BrokenCase {
  name: string;
  files: Record<string, string | Buffer>;
  path?: string;
  expect: { file?: string; line?: number; message: RegExp }[];
}

const HEAD = 'connections:\n';
const token = (id = '0oa1234567890abcdef', extra = '') =>
  `  - id: ${id}\n    action: activate\n    profile:\n      auth_scheme: TOKEN\n      token: { env: SCIM_TOKEN }\n${extra}`;

const cases: BrokenCase[] = [
  {
    name: 'literal token',
    files: {
      'okta/connections/z.yaml':
        HEAD +
        '  - id: 0oa1234567890abcdef\n    name: Zscaler\n    action: activate\n    profile:\n      auth_scheme: TOKEN\n      token: "00NgAPZqUVy8cX9ehNzz"\n',
    },
    expect: [
      {
        file: 'okta/connections/z.yaml',
        line: 7,
        message: /literal secret.*token: \{ env: ZSCALER_TOKEN \}/,
      },
    ],
  },
  {
    name: 'literal admin_password',
    files: {
      'okta/connections/o.yaml':
        HEAD +
        '  - id: 0oa1234567890abcdef\n    action: activate\n    profile:\n      auth_scheme: OAUTH2\n      settings:\n        admin_username: a@b.c\n        admin_password: hunter2hunter2\n',
    },
    expect: [{ line: 8, message: /settings\.admin_password` is a literal secret/ }],
  },
  {
    name: 'near-miss key auth_schema',
    files: { 'okta/connections/a.yaml': HEAD + token().replace('auth_scheme', 'auth_schema') },
    expect: [
      { line: 5, message: /unknown key `auth_schema`.*did you mean `auth_scheme`\?/ },
      { line: 4, message: /auth_scheme` is required/ },
    ],
  },
  {
    name: 'near-miss key baseurl',
    files: {
      'okta/connections/a.yaml':
        HEAD + token().replace('    action', '    baseurl: https://x.example.com\n    action'),
    },
    expect: [{ line: 3, message: /unknown key `baseurl`.*did you mean `base_url`\?/ }],
  },
  {
    name: 'unknown top-level key',
    files: { 'okta/connections/a.yaml': `connection:\n${token()}` },
    expect: [
      { line: 1, message: /unknown key `connection` in the file; did you mean `connections`\?/ },
      { line: 1, message: /`connections` is required/ },
    ],
  },
  {
    name: 'action in the wrong case',
    files: { 'okta/connections/a.yaml': HEAD + token().replace('action: activate', 'action: Activate') },
    expect: [
      {
        line: 3,
        message: /must be one of: activate, deactivate \(got "Activate"\); did you mean `activate`\?/,
      },
    ],
  },
  {
    name: 'auth_scheme in the wrong case',
    files: { 'okta/connections/a.yaml': HEAD + token().replace('TOKEN', 'token') },
    expect: [{ line: 5, message: /must be one of: TOKEN, OAUTH2 \(got "token"\); did you mean `TOKEN`\?/ }],
  },
  {
    name: 'rotation_mode not an allowed value',
    files: {
      'okta/connections/a.yaml':
        HEAD +
        '  - id: 0oa1234567890abcdef\n    action: activate\n    profile:\n      auth_scheme: OAUTH2\n      client_id: 0oahub1234567890\n      signing: { rotation_mode: auto }\n',
    },
    expect: [
      {
        line: 7,
        message: /rotation_mode` must be one of: AUTO, MANUAL \(got "auto"\); did you mean `AUTO`\?/,
      },
    ],
  },
  {
    name: 'missing action',
    files: { 'okta/connections/a.yaml': HEAD + token().replace('    action: activate\n', '') },
    expect: [
      {
        line: 2,
        message: /`connections\[0\]\.action` is required; add `action: activate` or `action: deactivate`/,
      },
    ],
  },
  {
    name: 'missing profile',
    files: { 'okta/connections/a.yaml': HEAD + '  - id: 0oa1234567890abcdef\n    action: activate\n' },
    expect: [{ line: 2, message: /profile` is required; add a `profile:`/ }],
  },
  {
    name: 'TOKEN without token',
    files: {
      'okta/connections/a.yaml':
        HEAD + '  - id: 0oa1234567890abcdef\n    action: activate\n    profile:\n      auth_scheme: TOKEN\n',
    },
    expect: [{ line: 5, message: /auth_scheme TOKEN needs `token: \{ env: NAME \}`/ }],
  },
  {
    name: 'TOKEN with client_id and signing',
    files: {
      'okta/connections/a.yaml':
        HEAD + token() + '      client_id: 0oahub1234567890\n      signing: { rotation_mode: AUTO }\n',
    },
    expect: [
      { line: 7, message: /profile\.client_id` is for auth_scheme OAUTH2 only/ },
      { line: 8, message: /profile\.signing` is for auth_scheme OAUTH2 only/ },
    ],
  },
  {
    name: 'OAUTH2 with token',
    files: { 'okta/connections/a.yaml': HEAD + token().replace('TOKEN\n', 'OAUTH2\n') },
    expect: [
      { line: 6, message: /profile\.token` is for auth_scheme TOKEN only; OAUTH2 connections have no token/ },
    ],
  },
  {
    name: 'base_url over plain http',
    files: {
      'okta/connections/a.yaml':
        HEAD + token().replace('    action', '    base_url: http://scim.example.com\n    action'),
    },
    expect: [
      { line: 3, message: /base_url` must use https \(got http\); http is allowed only for loopback hosts/ },
    ],
  },
  {
    name: 'base_url not a URL',
    files: {
      'okta/connections/a.yaml':
        HEAD + token().replace('    action', '    base_url: scim.example.com/v2\n    action'),
    },
    expect: [{ line: 3, message: /"scim\.example\.com\/v2" is not an absolute URL/ }],
  },
  {
    name: 'not an Okta id',
    files: { 'okta/connections/a.yaml': HEAD + token('my-zscaler-app') },
    expect: [{ line: 2, message: /"my-zscaler-app" is not an Okta application id/ }],
  },
  {
    name: 'the same id in two files',
    files: { 'okta/connections/a.yaml': HEAD + token(), 'okta/connections/b.yaml': HEAD + token() },
    expect: [
      {
        file: 'okta/connections/b.yaml',
        line: 2,
        message: /defined twice: here and at okta\/connections\/a\.yaml:2/,
      },
    ],
  },
  {
    name: 'invalid env name',
    files: { 'okta/connections/a.yaml': HEAD + token().replace('SCIM_TOKEN', '1-SCIM') },
    expect: [{ line: 6, message: /"1-SCIM" is not a valid environment variable name/ }],
  },
  {
    name: 'runner-reserved env name',
    files: { 'okta/connections/a.yaml': HEAD + token().replace('SCIM_TOKEN', 'GITHUB_TOKEN') },
    expect: [{ line: 6, message: /GITHUB_TOKEN is set by the runner or the action itself/ }],
  },
  {
    name: 'a secret variable in a visible field',
    files: {
      'okta/connections/a.yaml':
        HEAD + token().replace('    action', '    name: { env: SCIM_TOKEN }\n    action'),
    },
    expect: [{ line: 3, message: /reads SCIM_TOKEN, which holds a secret elsewhere/ }],
  },
  {
    name: 'empty file',
    files: { 'okta/connections/a.yaml': '# nothing yet\n' },
    expect: [{ line: 1, message: /the file is empty/ }],
  },
  {
    name: 'several YAML documents',
    files: { 'okta/connections/a.yaml': HEAD + token() + '---\n' + HEAD + token('0oa2234567890abcdef') },
    expect: [{ line: 7, message: /several YAML documents/ }],
  },
  {
    name: 'alias bomb',
    files: {
      'okta/connections/a.yaml':
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nconnections: [*d]\n',
    },
    expect: [{ line: 1, message: /anchors and aliases expand past the limit/ }],
  },
  {
    name: 'not UTF-8',
    files: { 'okta/connections/a.yaml': Buffer.from([0x63, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) },
    expect: [{ line: 1, message: /not valid UTF-8/ }],
  },
  {
    name: 'file over 1 MiB',
    files: { 'okta/connections/a.yaml': HEAD + token() + `# ${'x'.repeat(1024 * 1024)}\n` },
    expect: [{ line: 1, message: /over the 1 MiB limit/ }],
  },
  {
    name: 'YAML syntax error',
    files: {
      'okta/connections/a.yaml': HEAD + '  - id: 0oa1234567890abcdef\n   action: activate\n  profile: [\n',
    },
    expect: [{ message: /YAML syntax error/ }],
  },
  {
    name: 'duplicate key',
    files: {
      'okta/connections/a.yaml':
        HEAD + token().replace('    action: activate\n', '    action: activate\n    action: deactivate\n'),
    },
    expect: [{ line: 4, message: /YAML syntax error: Map keys must be unique/ }],
  },
  {
    name: 'connections is a mapping',
    files: { 'okta/connections/a.yaml': 'connections:\n  id: 0oa1234567890abcdef\n' },
    expect: [{ line: 2, message: /`connections` must be a list \(got a mapping\)/ }],
  },
  {
    name: 'the file is a list',
    files: { 'okta/connections/a.yaml': token() },
    expect: [{ line: 1, message: /must be a mapping with a top-level `connections:` list/ }],
  },
  {
    name: 'settings without admin_password',
    files: {
      'okta/connections/a.yaml':
        HEAD +
        '  - id: 0oa1234567890abcdef\n    action: activate\n    profile:\n      auth_scheme: OAUTH2\n      settings:\n        admin_username: admin@example.com\n',
    },
    expect: [{ line: 6, message: /settings\.admin_password` is required; Office 365 settings need both/ }],
  },
  {
    name: 'name is a number',
    files: { 'okta/connections/a.yaml': HEAD + token().replace('    action', '    name: 42\n    action') },
    expect: [{ line: 3, message: /name` must be a non-empty string or \{ env: NAME \} \(got number 42\)/ }],
  },
  {
    name: 'path with no definition file',
    files: { 'okta/connections/README.md': 'docs only\n' },
    expect: [{ message: /folder "okta\/connections" holds no \*\.yaml or \*\.yml definition file/ }],
  },
  {
    name: 'glob matching nothing',
    files: { 'okta/connections/a.yaml': HEAD + token() },
    path: 'okta/**/*.yml',
    expect: [{ message: /path glob "okta\/\*\*\/\*\.yml" matches no file/ }],
  },
  {
    name: 'path outside the repository',
    files: { 'okta/connections/a.yaml': HEAD + token() },
    path: '../../etc',
    expect: [{ message: /points outside the repository/ }],
  },
  {
    name: 'many problems in one pass',
    files: {
      'okta/connections/a.yaml':
        HEAD +
        '  - id: bad id\n    action: enable\n    profile:\n      auth_scheme: TOKEN\n      token: literal-token-value\n  - id: 0oa2234567890abcdef\n    action: activate\n    profil:\n      auth_scheme: TOKEN\n',
    },
    expect: [
      { line: 2, message: /"bad id" is not an Okta application id/ },
      { line: 3, message: /must be one of: activate, deactivate \(got "enable"\)/ },
      { line: 6, message: /literal secret/ },
      { line: 9, message: /unknown key `profil`.*did you mean `profile`\?/ },
    ],
  },
];

describe('validate: the action on broken definitions', () => {
  beforeAll(async () => {});

  it('has a corpus of at least 25 broken definition sets', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name', async (testCase) => {
    const workspace = await makeWorkspace(testCase.files);
    const run = await runAction({
      workspace,
      inputs: { command: 'validate', ...(testCase.path && { path: testCase.path }) },
    });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const errors = run.annotations.filter((annotation) => annotation.level === 'error');
    for (const expected of testCase.expect) {
      const match = errors.find(
        (annotation) =>
          expected.message.test(annotation.message) &&
          (expected.line === undefined || annotation.line === expected.line) &&
          (expected.file === undefined || annotation.file === expected.file),
      );
      expect(
        match,
        `${expected.message} at line ${expected.line}\n${describeAnnotations(run)}`,
      ).toBeDefined();
      if (expected.line !== undefined) expect(match?.file).toMatch(/^okta\/connections\/.+\.yaml$/);
    }
    expect(run.summary).toContain('okta-app-connections: validate');
    expect(run.summary).toMatch(/❌ \d+ problems? in the connection definitions/);
    // Secret values written as literals never reach the log or the summary.
    for (const literal of ['00NgAPZqUVy8cX9ehNzz', 'hunter2hunter2', 'literal-token-value']) {
      expect(run.stdout).not.toContain(literal);
      expect(run.summary).not.toContain(literal);
    }
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

function describeAnnotations(run: ActionRun): string {
  return run.annotations.map((a) => `${a.level} ${a.file}:${a.line}:${a.col} ${a.message}`).join('\n');
}
