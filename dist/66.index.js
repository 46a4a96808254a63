export const id = 66;
export const ids = [66];
export const modules = {

/***/ 7066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportInAction: () => (/* binding */ exportInAction)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/resources/connection/render.ts
var render = __webpack_require__(9768);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/export/report.ts


/** Table rows beyond this are counted, not listed: keeps the job summary far below its 1 MiB limit. */
const MAX_ROWS = 500;
function exportHeadline(result, context) {
    const org = context.orgHost ? ` of ${context.orgHost}` : '';
    const counts = `${plural(result.appsRead, 'app')} read, ${result.skipped.length} skipped${result.failures.length > 0 ? `, ${result.failures.length} could not be read` : ''}`;
    if (context.refused && context.refused.length > 0) {
        const n = context.refused.length;
        return `Nothing was written: ${plural(n, 'file')} of the export ${n === 1 ? 'exists' : 'exist'} already in ${context.folder} (${counts}).`;
    }
    if (result.files.length === 0)
        return `No connection to export${org} (${counts}).`;
    return `Wrote ${plural(result.files.length, 'definition file')} for the connections${org} into ${context.folder} (${counts}).`;
}
/** The job summary: files, the variables to create (as a ready `env:` block), skipped apps, failures. */
function renderExportMarkdown(result, context) {
    const refused = context.refused ?? [];
    const failed = result.failures.length > 0 || refused.length > 0;
    // Files, variables and keys only when written: a refused export has nothing to act on yet.
    const written = refused.length === 0;
    return [
        '## okta-app-connections: export',
        '',
        `${failed ? '❌' : '✅'} ${exportHeadline(result, context)}`,
        '',
        ...refusedMarkdown(refused),
        ...(written ? filesMarkdown(result.files) : []),
        ...(written && result.variables.length > 0 ? variablesMarkdown(result.variables) : []),
        ...(written ? publicKeysMarkdown(result.files) : []),
        ...failuresMarkdown(result.failures),
        ...skippedMarkdown(result.skipped),
    ].join('\n');
}
function refusedMarkdown(refused) {
    if (refused.length === 0)
        return [];
    return [
        'Export never overwrites definition files. Export into an empty folder (input `path`), or delete these files first:',
        '',
        ...limited(refused, ({ file, reason }) => `- ${(0,markdown/* code */.aY)(file)}${reason === 'exists' ? '' : ` (${reason})`}`),
        '',
    ];
}
function filesMarkdown(files) {
    if (files.length === 0)
        return [];
    return [
        `| file | app | app id | auth scheme | action |`,
        '| --- | --- | --- | --- | --- |',
        ...limited(files, ({ fileName, connection: c }) => (0,markdown/* tableRow */.jD)([(0,markdown/* code */.aY)(fileName), (0,markdown/* escapeMarkdown */.FV)(c.label), (0,markdown/* code */.aY)(c.appId), c.authScheme, c.action])),
        '',
    ];
}
function publicKeysMarkdown(files) {
    const keys = withPublicKey(files);
    if (keys.length === 0)
        return [];
    return [
        '### Org2Org public keys',
        '',
        ...limited(keys, ({ connection: c }) => {
            const [first, ...rest] = (0,render/* publicKeyLines */.qT)(c.publicKey, { quote: markdown/* code */.aY, text: markdown/* escapeMarkdown */.FV });
            return [`- ${(0,markdown/* escapeMarkdown */.FV)(c.label || c.appId)} ${(0,markdown/* code */.aY)(c.appId)}: ${first}`, ...rest].join('\n  ');
        }),
        '',
    ];
}
function failuresMarkdown(failures) {
    if (failures.length === 0)
        return [];
    return [
        '### Could not be read',
        '',
        ...limited(failures, (f) => `- ${(0,markdown/* code */.aY)(f.appId)}${f.label ? ` ${(0,markdown/* escapeMarkdown */.FV)(f.label)}` : ''}: ${(0,markdown/* escapeMarkdown */.FV)(f.message)}`),
        '',
        'Export these later with input `export-apps` set to their ids.',
        '',
    ];
}
function skippedMarkdown(skipped) {
    if (skipped.length === 0)
        return [];
    return [
        `<details><summary>${plural(skipped.length, 'app')} skipped (no connection to manage)</summary>`,
        '',
        '| app | app id | kind | why |',
        '| --- | --- | --- | --- |',
        ...limited(skipped, (s) => (0,markdown/* tableRow */.jD)([(0,markdown/* escapeMarkdown */.FV)(s.label), (0,markdown/* code */.aY)(s.appId), (0,markdown/* code */.aY)(s.appKind), (0,markdown/* escapeMarkdown */.FV)(s.reason)])),
        '',
        '</details>',
        '',
    ];
}
function variablesMarkdown(variables) {
    return [
        '### Secrets and variables to create',
        '',
        'Okta never returns secrets, so the files read them from environment variables. Create these (repository',
        'or environment secrets and variables) and pass them to the action step, so that apply can configure the',
        'connections:',
        '',
        '```yaml',
        'env:',
        ...variables.map((v) => `  ${v.name}: \${{ ${v.secret ? 'secrets' : 'vars'}.${v.name} }}`),
        '```',
        '',
        ...visibleEnvNote(variables, markdown/* code */.aY),
        '| variable | kind | app | what to put in it |',
        '| --- | --- | --- | --- |',
        ...limited(variables, (v) => (0,markdown/* tableRow */.jD)([
            (0,markdown/* code */.aY)(v.name),
            v.secret ? 'secret' : 'variable',
            (0,markdown/* escapeMarkdown */.FV)(v.label || v.appId),
            (0,markdown/* escapeMarkdown */.FV)(v.description),
        ])),
        '',
    ];
}
/** Plain variables feed shown fields, which may read only what `visible-env` names. */
function visibleEnvNote(variables, quote) {
    const shown = variables.filter((v) => v.shown).map((v) => quote(v.name));
    return shown.length === 0
        ? []
        : [
            `Plans show these values: list them in the action's \`visible-env\` input (CLI: --visible-env): ${shown.join(', ')}.`,
            '',
        ];
}
/** Plain text for the CLI: each file, the variables to create, failures; skipped apps counted. */
function renderExportText(result, context) {
    const lines = [exportHeadline(result, context)];
    for (const { file, reason } of context.refused ?? []) {
        lines.push(`  ${reason}: ${file}`);
    }
    if (context.refused && context.refused.length > 0) {
        lines.push('Export never overwrites files: use another folder, delete them, or pass --force.');
    }
    for (const file of result.files)
        lines.push(`  ${file.fileName}  ${file.connection.label} (${file.connection.appId})`);
    if (result.variables.length > 0) {
        lines.push('Create these environment variables before apply (Okta never returns secrets):');
        for (const v of result.variables)
            lines.push(`  ${v.name}${v.secret ? ' (secret)' : ''}: ${v.description}`);
        lines.push(...visibleEnvNote(result.variables, (name) => name));
    }
    for (const { connection: c } of withPublicKey(result.files)) {
        const text = publicKeyLines(c.publicKey, { quote: (t) => t, text: (t) => t });
        lines.push(`  ${c.label || c.appId} (${c.appId}): ${text.join('\n    ')}`);
    }
    for (const f of result.failures)
        lines.push(`could not read ${f.appId}${f.label ? ` ${f.label}` : ''}: ${f.message}`);
    return lines.join('\n');
}
function withPublicKey(files) {
    return files.filter((file) => file.connection.publicKey !== undefined);
}
function limited(items, row) {
    const rows = items.slice(0, MAX_ROWS).map(row);
    if (items.length > MAX_ROWS)
        rows.push('', `… and ${items.length - MAX_ROWS} more.`);
    return rows;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// EXTERNAL MODULE: ./src/run/parse.ts
var parse = __webpack_require__(9018);
// EXTERNAL MODULE: ./src/definitions/rules.ts
var rules = __webpack_require__(9);
// EXTERNAL MODULE: ./src/definitions/values.ts
var values = __webpack_require__(2378);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/okta/errors.ts
var errors = __webpack_require__(2282);
// EXTERNAL MODULE: ./src/resources/connection/public-key.ts
var public_key = __webpack_require__(3771);
// EXTERNAL MODULE: ./src/kinds/index.ts + 7 modules
var kinds = __webpack_require__(8164);
// EXTERNAL MODULE: ./src/resources/features/schema.ts
var schema = __webpack_require__(5390);
// EXTERNAL MODULE: ./src/resources/features/read.ts
var read = __webpack_require__(7521);
// EXTERNAL MODULE: ./src/resources/features/compare.ts
var compare = __webpack_require__(6178);
;// CONCATENATED MODULE: ./src/resources/features/export.ts



/**
 * The features of a connection that is set up: one GET. Okta's 400 for a connection without provisioning
 * (e.g. a consent app still waiting for consent) means there is nothing to export.
 */
async function readExportedFeatures(reader, appId) {
    try {
        return exportableValues((0,compare/* featureValues */.ru)(await reader.listFeatures(appId)));
    }
    catch (error) {
        if ((0,read/* isProvisioningNotEnabled */.aj)(error))
            return { values: {}, notes: [] };
        return { error };
    }
}
/** Okta's values minus any that would not pass validation (the file must validate); each one left out gets a note. */
function exportableValues(okta) {
    const values = {};
    const notes = [];
    for (const [path, value] of Object.entries(okta)) {
        const setting = (0,schema/* featureSetting */.Xm)(path);
        const checked = setting && typeof value === 'string' ? (0,schema/* parseSettingText */.RB)(setting, value) : { value };
        if ('problem' in checked)
            notes.push(`${path} is left out: Okta's value ${checked.problem}`);
        else
            values[path] = value;
    }
    // A schedule item without a cron cannot be written (cron is required).
    for (const item of ['full_import', 'incremental_import']) {
        const prefix = `to_okta.schedule.${item}`;
        if (values[`${prefix}.cron`] === undefined && values[`${prefix}.timezone`] !== undefined) {
            delete values[`${prefix}.timezone`];
            notes.push(`${prefix}.timezone is left out: Okta has no cron for that schedule.`);
        }
    }
    const pair = (0,schema/* usernamePairProblem */.M9)(values['to_okta.username_format'], values['to_okta.username_expression']);
    if (pair) {
        // An expression Okta keeps beside EMAIL does nothing; CUSTOM without one cannot be written as it is.
        delete values[`to_okta.${pair.field}`];
        notes.push(`to_okta.${pair.field} (${String(okta[`to_okta.${pair.field}`])}) is left out: ${pair.message}`);
    }
    return { values, notes };
}

;// CONCATENATED MODULE: ./src/export/names.ts

const MAX_SLUG_LENGTH = 50;
/** Letters without their accents, so "Zürich" becomes "Zurich" rather than "Z_rich". */
function plainLetters(text) {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
/** `text` with every run of other characters replaced by `separator`, cut to length, no separator at the ends. */
function slug(text, other, separator) {
    const joined = text.replace(other, separator).slice(0, MAX_SLUG_LENGTH);
    let start = 0;
    let end = joined.length;
    while (joined[start] === separator)
        start++;
    while (end > start && joined[end - 1] === separator)
        end--;
    return joined.slice(start, end);
}
/**
 * The stem of an app's environment variable names: uppercase letters, digits and `_`, never starting with a
 * digit and never in a namespace the runner or the action owns (the loader rejects those). Empty when the
 * label has no letters or digits.
 */
function envSlug(label) {
    const stem = slug(plainLetters(label).toUpperCase(), /[^A-Z0-9]+/g, '_');
    if (!stem)
        return '';
    if (/^\d/.test(stem))
        return `APP_${stem}`;
    return (0,rules/* reservedEnvProblem */.Bj)(`${stem}_`) ? `OKTA_${stem}` : stem;
}
/** A readable file name stem: lowercase letters, digits and `-`. Empty when the label has no letters or digits. */
function fileSlug(label) {
    return slug(plainLetters(label).toLowerCase(), /[^a-z0-9]+/g, '-');
}
/**
 * Hands out names that are unique within one export, compared case-insensitively (so files cannot collide on
 * macOS or Windows either). The first asker keeps the plain name; later ones get the next candidate.
 */
class NameAllocator {
    used = new Set();
    /**
     * The first candidate whose derived names are all free, which are then taken. `candidates` must not run out
     * (end it with a numbered sequence); `derive` turns a stem into the names it occupies.
     */
    take(candidates, derive = (stem) => [stem]) {
        for (const stem of candidates) {
            const names = derive(stem).map((name) => name.toLowerCase());
            if (names.every((name) => !this.used.has(name))) {
                for (const name of names)
                    this.used.add(name);
                return stem;
            }
        }
        throw new Error('NameAllocator: the candidates ran out');
    }
}
/** `first`, then `first` + separator + 2, 3, …: the candidates for NameAllocator.take. */
function* numbered(first, separator) {
    yield first;
    for (let n = 2;; n++)
        yield `${first}${separator}${n}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/definitions/schema-url.ts
/** Where editors (yaml-language-server) fetch the definition file schema the project ships. */
const SCHEMA_URL = 'https://raw.githubusercontent.com/okta-app-connections/okta-app-connections/main/schema/connections.schema.json';

// EXTERNAL MODULE: ./src/definitions/types.ts
var types = __webpack_require__(635);
;// CONCATENATED MODULE: ./src/export/render-yaml.ts






/**
 * One definition file for one connection. The layout (key order, comments, indentation) is written here so
 * that it is exact; each value goes through the `yaml` package so that it is quoted whenever it must be.
 */
function renderDefinitionFile(connection, context) {
    const lines = [
        `# yaml-language-server: $schema=${SCHEMA_URL}`,
        '#',
        ...header(connection, context),
        'connections:',
        `  - id: ${scalar(connection.appId)}`,
    ];
    const field = (indent, key, value) => {
        if (value !== undefined)
            lines.push(`${' '.repeat(indent)}${key}: ${renderValue(value)}`);
    };
    field(4, 'name', connection.label || undefined);
    field(4, 'base_url', connection.baseUrl);
    field(4, 'action', connection.action);
    lines.push('    profile:');
    field(6, 'auth_scheme', connection.authScheme);
    field(6, 'token', connection.token);
    field(6, 'client_id', connection.clientId);
    if (connection.rotationMode)
        lines.push(`      signing: { rotation_mode: ${connection.rotationMode} }`);
    if (connection.settings) {
        lines.push('      settings:');
        field(8, 'admin_username', connection.settings.adminUsername);
        field(8, 'admin_password', connection.settings.adminPassword);
    }
    lines.push(...featureLines(connection.features ?? {}));
    return `${lines.join('\n')}\n`;
}
/** `to_app` / `to_okta` blocks from settings by path, in the catalog's order (which keeps blocks together). */
function featureLines(values) {
    const lines = [];
    let open = [];
    for (const { path } of schema/* FEATURE_SETTINGS */.bK) {
        const value = values[path];
        if (value === undefined)
            continue;
        const keys = path.split('.');
        let shared = 0;
        while (shared < open.length && shared < keys.length - 1 && open[shared] === keys[shared])
            shared += 1;
        open = keys.slice(0, -1);
        keys.forEach((key, depth) => {
            const indent = ' '.repeat(4 + 2 * depth);
            if (depth === keys.length - 1)
                lines.push(`${indent}${key}: ${typeof value === 'string' ? scalar(value) : value}`);
            else if (depth >= shared)
                lines.push(`${indent}${key}:`);
        });
    }
    return lines;
}
function header(connection, { orgHost, variables }) {
    const kind = (0,kinds/* appKindLabel */.wP)(connection.appKind);
    const what = `${oneLine(connection.label) || connection.appId} (${kind}, app ${connection.appId})`;
    const lines = [
        `# ${what}: exported${orgHost ? ` from ${orgHost}` : ''} by \`okta-app-connections export\`.`,
    ];
    if (variables.length === 0) {
        lines.push('# This connection needs no secrets.');
    }
    else {
        lines.push('# Okta never returns secrets. Before apply configures this connection, create these and pass them to', '# the action step through `env:`:', ...variables.map((variable) => `#   ${variable.name}: ${variable.description}${variable.secret ? ' (secret)' : ''}`), ...visibleEnvNote(variables, (name) => name)
            .filter(Boolean)
            .map((line) => `# ${line}`));
    }
    lines.push(...connection.notes.map((note) => `# Note: ${oneLine(note)}`));
    return lines;
}
function renderValue(value) {
    return (0,types/* isEnvRef */.J)(value) ? `{ env: ${value.env} }` : scalar(value);
}
/**
 * A string as a YAML scalar that reads back as the same string under YAML 1.2 (what the loader uses) and
 * 1.1 (what older tools use, where `yes` is a boolean). JSON's double-quoted form is valid YAML.
 */
function scalar(value) {
    const text = (0,dist/* stringify */.As)(value, { lineWidth: 0 }).replace(/\n$/, '');
    const safe = !text.includes('\n') && (0,dist/* parse */.qg)(text) === value && (0,dist/* parse */.qg)(text, { version: '1.1' }) === value;
    return safe ? text : JSON.stringify(value);
}
/** Text for a comment line: no line breaks or other control characters. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/resources/connection/export.ts









/**
 * Reads the org's connections and turns each one that is set up into a definition file (not yet written).
 * Connection reads start while the app list is still being paged; the client paces and caps them. An app that
 * cannot be read is reported and does not stop the others; a failing app list stops the export.
 */
async function exportConnections(reader, options) {
    const logger = options.logger ?? log/* silentLogger */.q;
    const reads = [];
    if (options.apps === 'all') {
        for await (const app of reader.listApps({ ...(options.pageSize && { pageSize: options.pageSize }) })) {
            reads.push(readConnection(reader, app));
        }
    }
    else {
        for (const appId of new Set(options.apps))
            reads.push(readAppById(reader, appId));
    }
    const results = await Promise.all(reads);
    logger.info(`export: read ${results.length} app(s)`);
    const connections = results.filter((read) => 'live' in read);
    const files = buildFiles(connections, options.orgUrl ? new URL(options.orgUrl).host : undefined);
    return {
        files,
        skipped: results
            .flatMap((read) => ('skipped' in read ? [read.skipped] : []))
            .sort((a, b) => a.label.localeCompare(b.label) || compareIds(a.appId, b.appId)),
        failures: results
            .flatMap((read) => ('failure' in read ? [read.failure] : []))
            .sort((a, b) => compareIds(a.appId, b.appId)),
        appsRead: results.length,
        variables: files.flatMap((file) => file.variables),
    };
}
async function readAppById(reader, appId) {
    try {
        return await readConnection(reader, await reader.getApp(appId));
    }
    catch (error) {
        const message = error instanceof errors/* OktaApiError */.Iy && error.status === 404
            ? `app ${appId} does not exist in this org; check the id (the app's URL in the Admin Console ends with it).`
            : `could not read app ${appId}: ${messageOf(error)}`;
        return { failure: { appId, message } };
    }
}
/** Reads the connection only of apps whose kind Okta's connection API supports: the others cannot have one. */
async function readConnection(reader, app) {
    const skip = (reason) => ({
        skipped: { appId: app.id, label: app.label, appKind: app.name, reason },
    });
    const kind = (0,kinds/* appKindOf */.PM)(app.name);
    if (!kind)
        return skip(`no provisioning connection that Okta's API manages (${app.name})`);
    if (!values/* OKTA_ID_PATTERN */.hE.test(app.id))
        return skip('its id is not a plain Okta id (letters and digits)');
    let live;
    try {
        live = await reader.getConnection(app.id);
    }
    catch (error) {
        return {
            failure: {
                appId: app.id,
                label: app.label,
                message: `could not read the connection: ${messageOf(error)}`,
            },
        };
    }
    if (live.authScheme === 'UNKNOWN' || live.status === 'UNKNOWN')
        return skip('no connection set up');
    if (!kind.schemes.includes(live.authScheme)) {
        return skip(`its connection uses ${live.authScheme}, which Okta's API cannot manage for ${kind.label}`);
    }
    const features = await readExportedFeatures(reader, app.id);
    if ('error' in features) {
        const message = `could not read the provisioning features: ${messageOf(features.error)}`;
        return { failure: { appId: app.id, label: app.label, message } };
    }
    // Org2Org OAuth works only once the target org trusts the connection's key: one more read to show it.
    const publicKey = (0,kinds/* hasPublicKey */.$$)(app.name, live.authScheme)
        ? await (0,public_key/* readPublicKey */.R)(reader, app.id, live, (text) => text)
        : undefined;
    return { app, live: { ...live, authScheme: live.authScheme }, features, ...(publicKey && { publicKey }) };
}
/** Names are handed out in app id order, so the same org always exports to the same files. */
function buildFiles(connections, orgHost) {
    const fileNames = new NameAllocator();
    const envNames = new NameAllocator();
    const files = [...connections]
        .sort((a, b) => compareIds(a.app.id, b.app.id))
        .map(({ app, live, publicKey, features }) => {
        const { connection, variables } = toDefinition(app, live, envNames);
        if (publicKey)
            connection.publicKey = publicKey;
        if (Object.keys(features.values).length > 0)
            connection.features = features.values;
        connection.notes.push(...features.notes);
        const content = renderDefinitionFile(connection, { orgHost, variables });
        const stem = fileSlug(app.label) || fileSlug(`${app.name} ${app.id}`);
        const fileName = `${fileNames.take(fileCandidates(stem, app.id), (s) => [`${s}.yaml`])}.yaml`;
        return { fileName, content, connection, variables };
    });
    return files.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}
function* fileCandidates(stem, appId) {
    yield stem;
    yield* numbered(`${stem}-${appId.toLowerCase()}`, '-');
}
function toDefinition(app, live, envNames) {
    const connection = {
        appId: app.id,
        label: app.label,
        appKind: app.name,
        action: live.status === 'ENABLED' ? 'activate' : 'deactivate',
        authScheme: live.authScheme,
        notes: [],
    };
    // The variables this connection reads: suffix, what it feeds, what to put in it. `write-only`: sent to
    // Okta but never returned, shown or compared (admin_username), so no `visible-env` and no secret.
    const wanted = [];
    const kind = (0,kinds/* appKindOf */.PM)(app.name);
    if (live.authScheme === 'TOKEN') {
        if (live.baseUrl !== undefined) {
            const problem = (0,rules/* baseUrlProblem */.aS)(live.baseUrl);
            if (problem)
                connection.notes.push(`base_url ${live.baseUrl} is left out: it ${problem}`);
            else
                connection.baseUrl = live.baseUrl;
        }
        wanted.push(['TOKEN', 'secret', 'the API token the app accepts for provisioning']);
    }
    else {
        if (live.clientId !== undefined)
            connection.clientId = live.clientId;
        else if (kind?.clientId) {
            wanted.push(['CLIENT_ID', 'shown', "the client id of the hub org's service app for this connection"]);
            connection.notes.push(kind.clientId.notReturned);
        }
        if (kind?.signing && live.rotationMode)
            connection.rotationMode = live.rotationMode;
        if (kind?.adminCredentials) {
            wanted.push(['ADMIN_USERNAME', 'write-only', kind.adminCredentials.usernameVariable], ['ADMIN_PASSWORD', 'secret', kind.adminCredentials.passwordVariable]);
        }
    }
    if (wanted.length === 0)
        return { connection, variables: [] };
    const stem = envNames.take(numbered(envSlug(app.label) || envSlug(`${app.name}_${app.id}`), '_'), (s) => wanted.map(([suffix]) => `${s}_${suffix}`));
    const ref = (suffix) => ({ env: `${stem}_${suffix}` });
    if (connection.authScheme === 'TOKEN')
        connection.token = ref('TOKEN');
    if (wanted.some(([suffix]) => suffix === 'CLIENT_ID'))
        connection.clientId = ref('CLIENT_ID');
    if (kind?.adminCredentials) {
        connection.settings = { adminUsername: ref('ADMIN_USERNAME'), adminPassword: ref('ADMIN_PASSWORD') };
    }
    const variables = wanted.map(([suffix, use, description]) => ({
        name: `${stem}_${suffix}`,
        secret: use === 'secret',
        shown: use === 'shown',
        description,
        appId: app.id,
        label: app.label,
    }));
    return { connection, variables };
}
function compareIds(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/export/write.ts


/**
 * Writes the files into `directory` all or nothing: every target is checked before any is written, so an
 * existing file (without `force`) leaves the folder exactly as it was. Even with `force`, a directory or a
 * symbolic link in a target's place is never replaced. Returns absolute paths.
 */
async function writeExportFiles(directory, files, options = {}) {
    const folder = external_node_path_default().resolve(directory);
    if (options.within)
        await assertWithin(folder, options.within);
    const info = await (0,promises_.lstat)(folder).catch(() => undefined);
    if (info && !info.isDirectory())
        throw new Error(`${folder} is not a folder; export writes its files into a folder.`);
    const targets = files.map((file) => ({ ...file, target: external_node_path_default().join(folder, file.fileName) }));
    const refused = [];
    for (const { target } of targets) {
        const existing = await (0,promises_.lstat)(target).catch(() => undefined);
        if (!existing)
            continue;
        if (!existing.isFile())
            refused.push({ file: target, reason: 'not a regular file' });
        else if (!options.force)
            refused.push({ file: target, reason: 'exists' });
    }
    if (refused.length > 0)
        return { refused };
    await (0,promises_.mkdir)(folder, { recursive: true });
    for (const { target, content } of targets) {
        // `wx` also refuses a file that appeared since the check.
        await (0,promises_.writeFile)(target, content, { flag: options.force ? 'w' : 'wx' });
    }
    return { written: targets.map(({ target }) => target) };
}
/** The nearest existing ancestor, resolved, plus the rest must stay inside `root` (resolved too). */
async function assertWithin(folder, root) {
    const realRoot = await (0,promises_.realpath)(root);
    let existing = folder;
    const rest = [];
    for (;;) {
        const resolved = await (0,promises_.realpath)(existing).catch(() => undefined);
        if (resolved) {
            const full = external_node_path_default().join(resolved, ...rest);
            if (full !== realRoot && !full.startsWith(realRoot + (external_node_path_default()).sep)) {
                throw new Error(`the export folder ${folder} is outside ${root}; choose a folder inside it.`);
            }
            return;
        }
        const parent = external_node_path_default().dirname(existing);
        if (parent === existing)
            throw new Error(`the export folder ${folder} has no existing parent folder.`);
        rest.unshift(external_node_path_default().basename(existing));
        existing = parent;
    }
}

// EXTERNAL MODULE: ./src/run/okta.ts + 13 modules
var okta = __webpack_require__(7962);
;// CONCATENATED MODULE: ./src/run/export.ts




/**
 * `export`: read the org's connections (read-only) and write one definition file per connection into one
 * folder inside the workspace, all or nothing, never over an existing file unless `force`.
 */
async function runExport(settings, ports) {
    const directory = external_node_path_default().resolve(settings.workspace, settings.folder);
    const client = (0,okta/* openOkta */.OM)(settings.okta, 'read', ports);
    let result;
    try {
        result = await exportConnections(client, {
            apps: settings.apps,
            orgUrl: settings.okta.orgUrl,
            logger: ports.logger,
        });
    }
    finally {
        await client.close();
    }
    if (result.files.length === 0)
        return { result, directory, written: [] };
    const outcome = await writeExportFiles(directory, result.files, {
        force: settings.force,
        ...(settings.confined && { within: settings.workspace }),
    });
    return 'refused' in outcome
        ? { result, directory, written: [], refused: outcome.refused }
        : { result, directory, written: outcome.written };
}

// EXTERNAL MODULE: ./src/github/action-run.ts
var action_run = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/github/runner.ts + 19 modules
var runner = __webpack_require__(1881);
;// CONCATENATED MODULE: ./src/github/export.ts
/** `export` in the action: the files in the workspace, the variables to create in the job summary. */






/** Names listed in a notice or error; the job summary lists them all. */
const NOTICE_NAMES = 10;
async function exportInAction({ settings, context, ports }) {
    const okta = (0,action_run/* requireOkta */.v)(settings, 'export');
    const folder = (0,parse/* parseExportFolder */.sM)('path', settings.definitions.path);
    const { workspace } = context;
    const outcome = await runExport({ folder, workspace, confined: true, okta, apps: settings.exportApps, force: false }, ports);
    const { result } = outcome;
    const report = { folder, orgHost: new URL(okta.orgUrl).host };
    if (outcome.refused) {
        report.refused = outcome.refused.map((refused) => ({
            ...refused,
            file: external_node_path_default().relative(workspace, refused.file).split((external_node_path_default()).sep).join('/'),
        }));
    }
    const { secrets } = ports;
    (0,runner/* appendSummary */.fe)(secrets.redact(renderExportMarkdown(result, report)));
    const headline = exportHeadline(result, report);
    if (report.refused) {
        const names = report.refused.slice(0, NOTICE_NAMES).map(({ file }) => file);
        const more = report.refused.length - names.length;
        (0,runner/* setFailed */.C1)(secrets.redact(`${headline} Export never overwrites definition files: export into an empty folder (input \`path\`) or delete ${names.join(', ')}${more > 0 ? ` and ${more} more (listed in the job summary)` : ''} first.`));
        return;
    }
    ports.logger.info(headline);
    for (const file of result.files)
        ports.logger.info(`  ${external_node_path_default().posix.join(folder, file.fileName)}`);
    if (result.variables.length > 0) {
        const names = result.variables.slice(0, NOTICE_NAMES).map((v) => v.name);
        const more = result.variables.length - names.length;
        (0,runner/* notice */.lm)(`Create ${result.variables.length} environment variable(s) before apply (Okta never returns secrets) and pass them to the action step through env: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}. The job summary has a ready env block.`);
    }
    if (result.failures.length > 0) {
        for (const failure of result.failures)
            (0,runner/* error */.z3)(secrets.redact(`${failure.appId}: ${failure.message}`));
        (0,runner/* setFailed */.C1)(`${result.failures.length} app(s) could not be read and were not exported; the others were. Export them later with \`export-apps\`.`);
    }
}


/***/ }),

/***/ 3771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ readPublicKey)
/* harmony export */ });
/* harmony import */ var _okta_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2282);

/** One GET (…/connections/default/jwks); a failure is part of the notice, never thrown. */
async function readPublicKey(reader, appId, connection, redact) {
    const base = {
        ...(connection.clientId !== undefined && { clientId: connection.clientId }),
        rotationMode: connection.rotationMode ?? 'MANUAL',
        jwksUrl: reader.connectionJwksUrl(appId),
    };
    try {
        return { ...base, keys: await reader.getConnectionJwks(appId) };
    }
    catch (error) {
        return { ...base, keys: [], error: redact(jwksErrorText(error)) };
    }
}
/**
 * The app was just read, so a 404 here is about the key, not the app: Okta has none for this connection (yet).
 */
function jwksErrorText(error) {
    if (error instanceof _okta_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OktaApiError */ .Iy && error.status === 404) {
        return 'Okta has no signing key for this connection (404 on its JWKS; the app itself exists). Okta makes the key when the connection is configured with OAuth 2.0: check the connection in the Admin Console, then apply again';
    }
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};
