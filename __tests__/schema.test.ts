import { Ajv } from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { definitionJsonSchema } from '../src/definitions/schema.js';
import { VERSION } from '../src/version.js';
import { REPO_ROOT } from './helpers/run-action.js';

const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schema/connections.schema.json'), 'utf8'));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? yamlFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.yaml')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

describe('JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(committed).toEqual(definitionJsonSchema());
  });

  it('accepts every example and rejects a literal token', () => {
    const validate = new Ajv({ strict: false }).compile(committed);
    const examples = yamlFiles(path.join(REPO_ROOT, 'examples')).filter(
      (file) => !file.includes('workflows'),
    );
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const file of examples) {
      expect(validate(parse(readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
      expect(readFileSync(file, 'utf8')).toMatch(
        /^# yaml-language-server: \$schema=(\.\.\/)+schema\/connections\.schema\.json/,
      );
    }
    const literal = {
      connections: [
        { id: '0oa1234567890abcdef', action: 'activate', profile: { auth_scheme: 'TOKEN', token: 'abc' } },
      ],
    };
    expect(validate(literal)).toBe(false);
  });

  it('keeps the version constant in step with package.json', () => {
    expect(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version).toBe(VERSION);
  });
});
