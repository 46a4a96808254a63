/**
 * Contract checks against Okta's official OpenAPI description of the connection and feature endpoints
 * (sim/contract/app-connections.openapi.yaml, app-features.openapi.yaml): `#/components/...` refs are
 * resolved, OpenAPI 3.0 `nullable` becomes a JSON-Schema null type, a `discriminator` checks the schema it
 * maps to, and ajv validates. Where real Okta's recorded answers contradict a schema, the schema is
 * corrected to what Okta does (see `correctByRecordings`).
 * Both functions return a list of problems; an empty list means the body conforms.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { CONNECTIONS_OPENAPI_FILE, FEATURES_OPENAPI_FILE } from './okta-reference.js';

type JsonObject = Record<string, unknown>;

interface Operation {
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local refs are supported: ${ref}`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`unresolvable ref ${ref}`);
    node = node[key];
  }
  return node;
}

/** Replaces every `$ref` with its target (siblings of `$ref` are ignored, as OpenAPI 3.0 says). */
function dereference(node: unknown, doc: unknown, seen: readonly string[] = [], mapped = true): unknown {
  if (Array.isArray(node)) return node.map((item) => dereference(item, doc, seen, mapped));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (seen.includes(ref)) throw new Error(`recursive ref ${ref} is not supported`);
    return dereference(resolvePointer(doc, ref), doc, [...seen, ref], mapped);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = dereference(value, doc, seen, mapped);
  const discriminator = node.discriminator as { propertyName?: string; mapping?: Record<string, string> };
  if (mapped && discriminator?.propertyName && discriminator.mapping) {
    // ajv ignores `discriminator`: check the schema each value maps to with if/then. Those schemas include
    // this one again (allOf), where the discriminator is not expanded a second time.
    const property = discriminator.propertyName;
    const branches = Object.entries(discriminator.mapping).map(([value, target]) => ({
      if: { properties: { [property]: { const: value } }, required: [property] },
      then: dereference({ $ref: target }, doc, [], false),
    }));
    out.allOf = [...((out.allOf as unknown[] | undefined) ?? []), ...branches];
  }
  if (out.nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    delete out.nullable;
  }
  return out;
}

/**
 * Real Okta beats the spec: its answers (recordings TestAccDataSourceOktaAppFeatures_read) spell the username
 * format `userNameFormat`, as the spec's own examples do, where one schema says `usernameFormat`; and they
 * carry `"fullImport": null, "incrementalImport": null` for an import schedule that is not set.
 */
function correctByRecordings(spec: unknown): unknown {
  const schemas = (spec as { components?: { schemas?: Record<string, JsonObject> } }).components?.schemas;
  const username = schemas?.ImportUsernameObject as
    { properties: JsonObject; required?: string[] } | undefined;
  if (username?.properties.usernameFormat) {
    username.properties.userNameFormat = username.properties.usernameFormat;
    delete username.properties.usernameFormat;
    username.required = (username.required ?? []).map((key) =>
      key === 'usernameFormat' ? 'userNameFormat' : key,
    );
  }
  const schedule = schemas?.ImportScheduleObject as { properties: Record<string, JsonObject> } | undefined;
  for (const item of ['fullImport', 'incrementalImport']) {
    const property = schedule?.properties[item];
    if (property) schedule.properties[item] = { anyOf: [property, { type: 'null' }] };
  }
  return spec;
}

const paths = Object.assign(
  {},
  ...[CONNECTIONS_OPENAPI_FILE, FEATURES_OPENAPI_FILE].map((file) => {
    const spec: unknown = correctByRecordings(parse(readFileSync(file, 'utf8')));
    return dereference((spec as JsonObject).paths, spec) ?? {};
  }),
) as Record<string, Record<string, Operation>>;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

function templateRegex(template: string): RegExp {
  const literals = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literals.join('[^/]+')}$`);
}

/** Accepts the template (`/api/v1/apps/{appId}/connections/default`) or a concrete path, with or without query. */
function findOperation(path: string, method: string): { template: string; operation: Operation } | undefined {
  const bare = path.replace(/^https?:\/\/[^/]+/, '').split('?')[0] ?? path;
  const template = bare in paths ? bare : Object.keys(paths).find((t) => templateRegex(t).test(bare));
  const operation = template ? paths[template]?.[method.toLowerCase()] : undefined;
  return template && operation ? { template, operation } : undefined;
}

function validate(key: string, schema: unknown, body: unknown): string[] {
  let check = compiled.get(key);
  if (!check) {
    check = ajv.compile(schema as object);
    compiled.set(key, check);
  }
  if (check(body)) return [];
  return (check.errors ?? []).map((error) => {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    const where = error.instancePath || '(root)';
    return `${where} ${error.message ?? 'is invalid'}${allowed ? ` (${allowed.join(', ')})` : ''}`;
  });
}

export function validateRequestBody(path: string, method: string, body: unknown): string[] {
  const found = findOperation(path, method);
  if (!found) return [`no operation ${method.toUpperCase()} ${path} in the OpenAPI description`];
  const requestBody = found.operation.requestBody;
  const schema = requestBody?.content?.['application/json']?.schema;
  const name = `${method.toUpperCase()} ${found.template}`;
  if (!schema) return body === undefined ? [] : [`${name} documents no JSON request body`];
  if (body === undefined) return requestBody?.required ? [`${name} requires a request body`] : [];
  const branch = branchNamedByPath(schema, path);
  if (branch) return validate(`request ${name} ${branch.title}`, branch, body);
  return validate(`request ${name}`, schema, body);
}

/**
 * A `oneOf` whose branches are titled like the path's last segment (the features PUT: USER_PROVISIONING,
 * INBOUND_PROVISIONING) is checked against the branch the path names: Okta picks the schema by the feature
 * name, and the branches alone do not exclude each other (CapabilitiesObject has no required keys).
 */
function branchNamedByPath(schema: unknown, path: string): JsonObject | undefined {
  const last = (path.split('?')[0] ?? '').split('/').pop();
  const branches = isObject(schema) && Array.isArray(schema.oneOf) ? schema.oneOf : [];
  return branches.find((branch): branch is JsonObject => isObject(branch) && branch.title === last);
}

export function validateResponseBody(path: string, method: string, status: number, body: unknown): string[] {
  const found = findOperation(path, method);
  if (!found) return [`no operation ${method.toUpperCase()} ${path} in the OpenAPI description`];
  const name = `${method.toUpperCase()} ${found.template}`;
  const responses = found.operation.responses ?? {};
  const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (!response) return [`status ${status} is not documented for ${name}`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema)
    return body === undefined || body === '' || body === null ? [] : [`${name} ${status} documents no body`];
  return validate(`response ${name} ${status}`, schema, body);
}
