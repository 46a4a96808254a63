export const id = 875;
export const ids = [875];
export const modules = {

/***/ 2239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HL: () => (/* binding */ connectionChangeHash),
/* harmony export */   SH: () => (/* binding */ planHash),
/* harmony export */   dj: () => (/* binding */ canonicalJson)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The plan hash: sha256 of the canonical JSON of the change set. It holds, per
 * connection that changes or could not be planned: the app id, the operations, the compared fields
 * before → after, the declared feature settings that change, which write-only values are sent (field and
 * variable name, never a value), and whether it is a rotation. No time, no secret, no names or positions, no ordering noise.
 */
function planHash(connections) {
    const changeSet = connections
        .filter((connection) => connection.operations.length > 0 || connection.error)
        .map(changeEntry)
        .sort((a, b) => (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(canonicalJson({ v: 1, changeSet }))
        .digest('hex');
}
/**
 * One connection's change hash: sha256 of the same canonical entry the plan hash holds for it. A connection
 * without changes has one too (its entry with no operations), so a review record can say "reviewed as
 * unchanged" and a later change to it shows.
 */
function connectionChangeHash(connection) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(canonicalJson({ v: 1, change: changeEntry(connection) }))
        .digest('hex');
}
function changeEntry(connection) {
    return connection.error
        ? { appId: connection.appId, error: connection.error.code ?? 'error' }
        : {
            appId: connection.appId,
            operations: connection.operations,
            changes: connection.changes.map(({ field, before, after }) => ({ field, before, after })),
            writeOnly: connection.writeOnly.map(({ field, env }) => ({ field, env: env ?? null })),
            rotation: connection.rotation,
            // Only when there are some, so that the hash of a plan without features is what it always was.
            ...(connection.features?.length && {
                features: connection.features.map(({ field, before, after }) => ({ field, before, after })),
            }),
        };
}
/** JSON with object keys sorted at every level, so equal values always give equal text. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}


/***/ }),

/***/ 6860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dh: () => (/* binding */ planConnections),
  vH: () => (/* binding */ planKey)
});

// UNUSED EXPORTS: assemblePlan, readError

// EXTERNAL MODULE: ./src/okta/errors.ts
var errors = __webpack_require__(2282);
;// CONCATENATED MODULE: ./src/progress.ts
/** Promise.all that tells `progress` how many have settled, from 0 on. */
function allWithProgress(work, progress) {
    if (!progress)
        return Promise.all(work);
    let done = 0;
    progress(0, work.length);
    return Promise.all(work.map((one) => one.finally(() => progress((done += 1), work.length))));
}

// EXTERNAL MODULE: ./src/definitions/types.ts
var types = __webpack_require__(635);
// EXTERNAL MODULE: ./src/kinds/index.ts + 7 modules
var kinds = __webpack_require__(8164);
;// CONCATENATED MODULE: ./src/resources/connection/compare.ts


/** Desired vs live for one connection. Pure: no I/O. */
function compareConnection({ connection, app, live, rotate, env }) {
    const base = basePlan(connection, app);
    const kindError = checkAppKind(connection, app);
    if (kindError)
        return { ...base, error: kindError };
    const desired = desiredState(connection);
    const current = {
        status: live.status,
        authScheme: live.authScheme,
        ...(live.baseUrl !== undefined && { baseUrl: live.baseUrl }),
        ...(live.clientId !== undefined && { clientId: live.clientId }),
        ...(live.rotationMode !== undefined && { rotationMode: live.rotationMode }),
    };
    const notSetUp = live.status === 'UNKNOWN' || live.authScheme === 'UNKNOWN';
    const changes = [];
    const compare = (field, before, after) => {
        if (after !== undefined && before !== after)
            changes.push({ field, before: before ?? null, after });
    };
    compare('auth_scheme', known(live.authScheme), desired.authScheme);
    if (desired.authScheme === 'TOKEN')
        compare('base_url', live.baseUrl, desired.baseUrl);
    // Okta does not always return client_id: compare it only when it does (or when setting up).
    if (notSetUp || live.clientId !== undefined || live.authScheme !== desired.authScheme) {
        compare('client_id', live.clientId, desired.clientId);
    }
    compare('signing.rotation_mode', live.rotationMode, desired.rotationMode);
    // Only a secret can be rotated; re-configuring anything else gains nothing (a consent app could even
    // demand consent again).
    const rotating = rotate && holdsSecret(connection);
    const configure = notSetUp || changes.length > 0 || rotating;
    const enabled = live.status === 'ENABLED';
    const wantEnabled = desired.status === 'ENABLED';
    const operations = [];
    if (wantEnabled) {
        if (configure)
            operations.push('configure');
        if (!enabled)
            operations.push('activate');
    }
    else {
        if (enabled)
            operations.push('deactivate');
        if (configure)
            operations.push('configure');
    }
    if (enabled !== wantEnabled) {
        changes.unshift({ field: 'status', before: known(live.status) ?? null, after: desired.status });
    }
    return {
        ...base,
        operations,
        changes,
        writeOnly: configure ? writeOnlyValues(connection, env) : [],
        rotation: configure && rotating && !notSetUp && changes.every((change) => change.field === 'status'),
        live: current,
        desired,
    };
}
function basePlan(connection, app) {
    return {
        appId: connection.id,
        name: connection.name ?? (app?.label || connection.id),
        ...(app && { appKind: app.name }),
        action: connection.action,
        source: connection.definition.source,
        operations: [],
        changes: [],
        writeOnly: [],
        rotation: false,
        consentApp: (0,kinds/* appKindOf */.PM)(app?.name)?.consent ?? false,
    };
}
function desiredState(connection) {
    return {
        status: connection.action === 'activate' ? 'ENABLED' : 'DISABLED',
        authScheme: connection.authScheme,
        ...(connection.authScheme === 'TOKEN' &&
            connection.baseUrl !== undefined && { baseUrl: connection.baseUrl }),
        ...(connection.authScheme === 'OAUTH2' &&
            connection.clientId !== undefined && { clientId: connection.clientId }),
        ...(connection.rotationMode !== undefined && { rotationMode: connection.rotationMode }),
    };
}
/** Whether the definition sends a secret with a configure: only those have something `rotate-secrets` can rotate. */
function holdsSecret(connection) {
    return connection.writeOnly.token !== undefined || connection.writeOnly.adminPassword !== undefined;
}
/** The definition rules that need the app's kind (Org2Org, Office 365, …). */
function checkAppKind(connection, app) {
    const { fields, source } = connection.definition;
    const kind = (0,kinds/* appKindOf */.PM)(app.name);
    if (!kind) {
        const supported = kinds/* APP_KINDS */.Ax.map((known) => `${known.label} (${known.name})`).join(', ');
        return {
            code: 'unsupported-app',
            at: source,
            message: `app "${app.label}" (${app.name}) has no provisioning connection that Okta's API can manage; supported apps: ${supported}. Remove this definition or check the id.`,
        };
    }
    if (!kind.schemes.includes(connection.authScheme)) {
        return {
            code: 'unsupported-auth-scheme',
            at: fields['profile.auth_scheme'] ?? source,
            message: `${kind.label} (${app.name}) connections use auth_scheme ${kind.schemes.join(' or ')}, not ${connection.authScheme}.`,
        };
    }
    if (kind.clientId && connection.authScheme === 'OAUTH2' && connection.clientId === undefined) {
        return { code: 'missing-client-id', at: fields.profile ?? source, message: kind.clientId.missing };
    }
    if (kind.adminCredentials && !connection.writeOnly.adminPassword) {
        return { code: 'missing-settings', at: fields.profile ?? source, message: kind.adminCredentials.missing };
    }
    if (!kind.signing && connection.definition.profile.signing) {
        return {
            code: 'signing-not-supported',
            at: fields['profile.signing'] ?? source,
            message: `\`profile.signing\` is for ${(0,kinds/* namesOfKindsWith */.$r)((known) => known.signing)} apps only; ${kind.label} (${app.name}) has no signing key. Remove it.`,
        };
    }
    if (!kind.adminCredentials && connection.definition.profile.settings) {
        return {
            code: 'settings-not-supported',
            at: fields['profile.settings'] ?? source,
            message: `\`profile.settings\` is for ${(0,kinds/* namesOfKindsWith */.$r)((known) => known.adminCredentials)} apps only; ${kind.label} (${app.name}) does not use admin credentials. Remove it.`,
        };
    }
    return undefined;
}
function writeOnlyValues(connection, env) {
    const out = [];
    const add = (field, value) => {
        if (value === undefined)
            return;
        if ((0,types/* isEnvRef */.J)(value))
            out.push({ field, env: value.env, present: Boolean(env[value.env]) });
        else
            out.push({ field, present: true });
    };
    add('token', connection.writeOnly.token);
    add('admin_username', connection.writeOnly.adminUsername);
    add('admin_password', connection.writeOnly.adminPassword);
    return out;
}
function known(value) {
    return value === 'UNKNOWN' ? undefined : value;
}

// EXTERNAL MODULE: ./src/resources/features/compare.ts
var features_compare = __webpack_require__(6178);
// EXTERNAL MODULE: ./src/plan/hash.ts
var hash = __webpack_require__(2239);
// EXTERNAL MODULE: ./src/plan/model.ts
var model = __webpack_require__(8582);
;// CONCATENATED MODULE: ./src/plan/origin.ts
/**
 * Marks each field change with where it comes from. `basePlan` is the same comparison made with the base
 * commit's definition against the same live state (absent: the connection is new). A change the base
 * definition would have asked for too (same field, same target) is drift in Okta; any other change is the
 * pull request's. Generic over fields, so every compared field (features included) gets an origin.
 */
function withOrigins(plan, basePlan) {
    if (plan.changes.length === 0 && !plan.features?.length)
        return plan;
    const wantedAtBase = new Map([...(basePlan?.changes ?? []), ...(basePlan?.features ?? [])].map((change) => [
        change.field,
        change.after,
    ]));
    const mark = (change) => {
        const origin = wantedAtBase.has(change.field) && wantedAtBase.get(change.field) === change.after
            ? 'drift'
            : 'pull-request';
        return { ...change, origin };
    };
    return {
        ...plan,
        changes: plan.changes.map(mark),
        ...(plan.features && { features: plan.features.map(mark) }),
    };
}

;// CONCATENATED MODULE: ./src/plan/plan.ts







/**
 * Reads every defined connection and its app (concurrently: the client paces and caps the requests) and
 * computes the plan. A connection that cannot be read or planned gets an error and does not stop the others.
 */
async function planConnections(reader, connections, options) {
    const rotate = (appId) => options.rotateSecrets === 'all' || (options.rotateSecrets ?? []).includes(appId);
    const byId = new Map(connections.map((connection) => [connection.id, connection]));
    const planned = await allWithProgress(connections.map(async (connection) => {
        const [app, live] = await Promise.allSettled([
            reader.getApp(connection.id),
            reader.getConnection(connection.id),
        ]);
        if (app.status === 'rejected')
            return { ...basePlan(connection), error: readError(app.reason, connection, 'app') };
        if (live.status === 'rejected') {
            // An app of a kind without a manageable connection: that is the news, not the failed read.
            return {
                ...basePlan(connection, app.value),
                error: checkAppKind(connection, app.value) ??
                    readError(live.reason, connection, 'connection', app.value),
            };
        }
        // A secret read from another variable than at the base commit is a new secret: send it.
        const resend = rotate(connection.id) || secretSourceChanged(connection, options.base);
        const compare = (definition) => compareConnection({
            connection: definition,
            app: app.value,
            live: live.value,
            rotate: resend,
            env: options.env,
        });
        let plan = compare(connection);
        // Features are read only for a connection that declares some and could be planned.
        let features;
        if (!plan.error) {
            try {
                features = await (0,features_compare/* readLiveFeatures */.wh)(reader, connection, app.value, live.value);
            }
            catch (error) {
                const what = 'provisioning features';
                return { ...basePlan(connection, app.value), error: readError(error, connection, what, app.value) };
            }
            plan = (0,features_compare/* withFeatureChanges */.UE)(plan, connection, app.value, features);
        }
        if (!options.base)
            return plan;
        const base = options.base.get(connection.id);
        return withOrigins(plan, base && (0,features_compare/* withFeatureChanges */.UE)(compare(base), base, app.value, features));
    }), options.progress);
    const plan = assemblePlan(planned, options);
    const rotationSkipped = plan.connections
        .filter((c) => !c.error && rotate(c.appId) && !holdsSecret(byId.get(c.appId)))
        .map(({ appId, name }) => ({ appId, name }));
    return rotationSkipped.length > 0 ? { ...plan, rotationSkipped } : plan;
}
/** The variables the secrets come from differ from the base commit's (Okta cannot tell: it never returns them). */
function secretSourceChanged(connection, base) {
    const before = base?.get(connection.id);
    if (!before)
        return false;
    const sources = ({ writeOnly }) => [writeOnly.token?.env, writeOnly.adminPassword?.env];
    return sources(before).some((name, index) => name !== sources(connection)[index]);
}
function assemblePlan(planned, options) {
    const connections = [...planned].sort((a, b) => (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
    const counts = (0,model/* countPlan */.R)(connections);
    const org = new URL(options.orgUrl).host;
    return {
        version: 1,
        org,
        path: definitionsPathKey(options.path),
        key: planKey(options.orgUrl, options.path),
        connections,
        counts,
        changes: connections.some((connection) => connection.operations.length > 0),
        hash: (0,hash/* planHash */.SH)(connections),
        warnings: options.warnings ?? [],
        ...(options.scope && { scope: options.scope }),
    };
}
/** Org host + normalized path: one sticky comment per org and definitions folder. */
function planKey(orgUrl, path) {
    return `${new URL(orgUrl).host}/${definitionsPathKey(path)}`;
}
/** The `path` input as one comparable string: entries trimmed, without `./` or a trailing `/`, sorted. */
function definitionsPathKey(path) {
    const normalized = path
        .split(/\r?\n/)
        .map((entry) => entry.trim().replace(/^\.\//, '').replace(/\/+$/, ''))
        .filter(Boolean)
        .sort()
        .join(',');
    return normalized || 'okta/connections';
}
/** A read failure as a per-connection error that says what to check. */
function readError(error, connection, what, 
/** The app, when it could be read: then a 404 is about its connection only. */
app) {
    const at = connection.definition.fields.id ?? connection.definition.source;
    if (error instanceof errors/* OktaApiError */.Iy) {
        if (error.status === 404 && what === 'connection' && app) {
            return {
                code: 'connection-not-found',
                status: 404,
                at,
                message: `app "${app.label}" (${app.name}) exists, but Okta answers 404 for its provisioning connection: the connection cannot be read or managed through Okta's API. Check in the Admin Console that the app has provisioning, or remove this definition.`,
            };
        }
        if (error.status === 404) {
            return {
                code: 'app-not-found',
                status: 404,
                at,
                message: `app ${connection.id} does not exist in this org: check the id (Applications → the app → its URL ends with the id) and the org URL.`,
            };
        }
        if (error.status === 403) {
            return {
                code: error.errorCode ?? 'forbidden',
                status: 403,
                at,
                message: `no permission to read the ${what} of app ${connection.id}: ${error.message}`,
            };
        }
        return {
            code: error.errorCode ?? `http-${error.status}`,
            status: error.status,
            at,
            message: error.message,
        };
    }
    if (error instanceof errors/* OktaUnreachableError */.qO)
        return { code: errors/* OKTA_UNREACHABLE */.pk, at, message: error.message };
    if (error instanceof errors/* OktaNetworkError */.M3)
        return { code: 'network', at, message: error.message };
    return { code: 'error', at, message: error instanceof Error ? error.message : String(error) };
}


/***/ }),

/***/ 4875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ makePlan),
  runPlan: () => (/* binding */ runPlan)
});

// EXTERNAL MODULE: ./src/plan/plan.ts + 3 modules
var plan_plan = __webpack_require__(6860);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/definitions/env.ts
var definitions_env = __webpack_require__(205);
// EXTERNAL MODULE: ./src/definitions/files.ts
var files = __webpack_require__(3961);
// EXTERNAL MODULE: ./src/definitions/load.ts + 4 modules
var load = __webpack_require__(572);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/plan/git.ts

/** A git command failed, timed out or said more than we read; the message is git's first line of complaint. */
class GitError extends Error {
}
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 60_000;
const STDERR_BYTES = 16 * 1024;
/**
 * The only variables git gets: where it and its configuration are. Not the runner's environment, which
 * holds the Okta credentials and the secrets definitions read; not GIT_DIR and the like, which would point
 * it at another repository than the workspace.
 */
const PASSED_VARIABLES = [
    'PATH',
    'HOME',
    'XDG_CONFIG_HOME',
    'TMPDIR',
    'SYSTEMROOT',
    'GIT_EXEC_PATH',
    'GIT_CONFIG_GLOBAL',
    'GIT_CONFIG_SYSTEM',
    'GIT_CONFIG_NOSYSTEM',
];
const runGit = (cwd, args, options = {}) => {
    const env = {
        LC_ALL: 'C',
        GIT_TERMINAL_PROMPT: '0',
        // Reading must not take the index lock (a refresh would write it) while other tools use the checkout.
        GIT_OPTIONAL_LOCKS: '0',
        // A partial clone must not fetch what it lacks: a missing file counts as changed, a missing commit reads all.
        GIT_NO_LAZY_FETCH: '1',
    };
    for (const name of PASSED_VARIABLES)
        if (process.env[name] !== undefined)
            env[name] = process.env[name];
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const name = `git ${subcommand(args)}`;
    return new Promise((resolve, reject) => {
        // Its own process group, so that stopping it also stops what it started (a filter, a hook, an alias).
        const child = (0,external_node_child_process_.spawn)('git', [...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
        const chunks = [];
        let size = 0;
        let stderr = '';
        let settled = false;
        const fail = (message) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            stop(child.pid);
            child.stdout.destroy();
            child.stderr.destroy();
            reject(new GitError(message));
        };
        const timer = setTimeout(() => fail(`${name} was stopped: it took too long`), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        child.stdout.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes)
                fail(`${name} said more than ${maxBytes} bytes`);
            else
                chunks.push(chunk);
        });
        child.stderr.on('data', (chunk) => {
            if (stderr.length < STDERR_BYTES)
                stderr += chunk.toString('utf8');
        });
        child.on('error', (error) => fail(`git could not be run: ${error.message}`));
        child.on('close', (code, signal) => {
            if (code === 0) {
                settled = true;
                clearTimeout(timer);
                resolve(Buffer.concat(chunks));
            }
            else {
                fail(firstLine(stderr) || `${name} ended with ${signal ?? `exit code ${code}`}`);
            }
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
    });
};
/** The command in an argument list: what follows the global options (`-c name=value`, `--flag`). */
function subcommand(args) {
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '-c')
            i++;
        else if (!args[i].startsWith('-'))
            return args[i];
    }
    return '';
}
function stop(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
}
function firstLine(text) {
    return (text
        .split('\n')
        .map((line) => line.trim())
        .find(Boolean)
        ?.slice(0, 300) ?? '');
}

// EXTERNAL MODULE: ./src/plan/hash.ts
var hash = __webpack_require__(2239);
;// CONCATENATED MODULE: ./src/plan/changes.ts








/** Git file modes of regular files; links, submodules and missing sides are read as "cannot vouch". */
const REGULAR_FILE = new Set(['100644', '100755']);
/**
 * Which connections' definitions differ between a commit and the working tree. Changed means the whole
 * definition (every field, which variable each `{ env }` names, fields added later too) compares unequal
 * apart from its place in the files, so a moved or reformatted definition is unchanged and a connection is
 * matched by id, not by file. Only files git reports as changed are read at the base; a working-tree file git
 * cannot vouch for (untracked, ignored, behind a symbolic link, flagged assume-unchanged) counts as changed.
 * Throws GitError when git cannot answer.
 */
async function changedConnections(request) {
    const git = request.git ?? runGit;
    const cwd = request.workspace;
    const pathspecs = literalPrefixes(request.path);
    const base = await resolveCommit(git, cwd, request.base);
    const [diff, index] = await Promise.all([
        git(cwd, [
            '--literal-pathspecs',
            'diff',
            '--raw',
            '-z',
            '--no-renames',
            '--no-abbrev',
            '--no-ext-diff',
            '--no-textconv',
            '--ignore-submodules',
            '--relative',
            base,
            '--',
            ...pathspecs,
        ]).then(parseRawDiff),
        git(cwd, ['--literal-pathspecs', 'ls-files', '-s', '-v', '-z', '--', ...pathspecs]).then(parseIndex),
    ]);
    const headFiles = new Set(request.files);
    const changedFiles = new Set(request.files.filter((file) => !index.has(file)));
    const baseBlobs = new Map();
    const gone = [];
    for (const entry of diff) {
        if (headFiles.has(entry.path))
            changedFiles.add(entry.path);
        if (!REGULAR_FILE.has(entry.oldMode))
            continue;
        if (headFiles.has(entry.path))
            baseBlobs.set(entry.path, entry.oldBlob);
        else if (entry.status === 'D' || entry.status === 'T')
            gone.push(entry);
    }
    // A file that is no longer there may still hold a connection that moved; the path input decides
    // whether it held definitions at the base.
    const selected = await selectedNames(request.path, gone.map((entry) => entry.path));
    for (const entry of gone)
        if (selected.has(entry.path))
            baseBlobs.set(entry.path, entry.oldBlob);
    const candidates = request.connections.filter((connection) => changedFiles.has(connection.definition.source.file));
    if (candidates.length === 0)
        return { base, changed: [], baseVersions: new Map() };
    const atBase = await baseConnections(git, cwd, baseBlobs, request.env);
    const changed = candidates.filter((connection) => comparable(connection) !== comparableOrNone(atBase.get(connection.id)));
    const baseVersions = new Map();
    for (const connection of changed) {
        const version = atBase.get(connection.id);
        if (version)
            baseVersions.set(connection.id, version);
    }
    return { base, changed, baseVersions };
}
/** The definition as compared: everything but where it is written. */
function comparable(connection) {
    const { source: _source, fields: _fields, ...definition } = connection.definition;
    return (0,hash/* canonicalJson */.dj)({ ...definition, id: connection.id });
}
function comparableOrNone(connection) {
    return connection && comparable(connection);
}
/** The base versions of the given files, by connection id; an id defined twice there is left out. */
async function baseConnections(git, cwd, blobs, env) {
    const contents = await readBlobs(git, cwd, [...blobs.values()]);
    const definitions = [];
    for (const [file, blob] of blobs) {
        const bytes = contents.get(blob);
        if (bytes)
            definitions.push(...(0,load/* definitionsInContent */.Rn)(bytes, file));
    }
    const byId = new Map();
    const twice = new Set();
    // Problems at the base do not matter: only the working tree has to be valid.
    for (const connection of (0,definitions_env/* resolveDefinitions */.LG)(definitions, env).connections) {
        if (byId.has(connection.id))
            twice.add(connection.id);
        byId.set(connection.id, connection);
    }
    for (const id of twice)
        byId.delete(id);
    return byId;
}
/** Blob contents up to the definition file limit; larger or missing blobs are left out. */
async function readBlobs(git, cwd, blobs) {
    const unique = [...new Set(blobs)];
    const contents = new Map();
    if (unique.length === 0)
        return contents;
    const sizes = new Map();
    const check = await git(cwd, ['cat-file', '--batch-check'], { input: `${unique.join('\n')}\n` });
    for (const line of check.toString('utf8').split('\n')) {
        const [blob, type, size] = line.split(' ');
        if (blob && type === 'blob' && Number(size) <= load/* MAX_FILE_BYTES */.gZ)
            sizes.set(blob, Number(size));
    }
    const wanted = [...sizes.keys()];
    if (wanted.length === 0)
        return contents;
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    const out = await git(cwd, ['cat-file', '--batch'], {
        input: `${wanted.join('\n')}\n`,
        maxBytes: total + wanted.length * 128,
    });
    let offset = 0;
    while (offset < out.length) {
        const end = out.indexOf(0x0a, offset);
        if (end === -1)
            break;
        const [blob, type, size] = out.subarray(offset, end).toString('utf8').split(' ');
        offset = end + 1;
        if (type !== 'blob' || !blob)
            continue;
        contents.set(blob, out.subarray(offset, offset + Number(size)));
        offset += Number(size) + 1;
    }
    return contents;
}
async function resolveCommit(git, cwd, revision) {
    const out = await git(cwd, ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`]);
    return out.toString('utf8').trim();
}
/** `git diff --raw -z`: `:oldmode newmode oldblob newblob status NUL path NUL` per file. */
function parseRawDiff(out) {
    const parts = out.toString('utf8').split('\0');
    const entries = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
        const [oldMode, , oldBlob, , status] = parts[i].replace(/^:/, '').split(' ');
        entries.push({ oldMode: oldMode, oldBlob: oldBlob, status: status.charAt(0), path: parts[i + 1] });
    }
    return entries;
}
/**
 * `git ls-files -s -v -z`: the paths git tracks as regular files with nothing hiding their changes (tag `H`;
 * lower case is assume-unchanged, `S` skip-worktree).
 */
function parseIndex(out) {
    const tracked = new Set();
    for (const record of out.toString('utf8').split('\0')) {
        const match = /^(\S) (\d+) [0-9a-f]+ \d\t(.*)$/s.exec(record);
        if (match && match[1] === 'H' && REGULAR_FILE.has(match[2]))
            tracked.add(match[3]);
    }
    return tracked;
}
/**
 * The leading literal folders of each `path` entry, to narrow what git lists. Only narrows: an entry with
 * pattern characters early on widens the listing to the whole workspace, never hides a file.
 */
function literalPrefixes(pathInput) {
    const prefixes = new Set();
    const entries = pathInput
        .split(/\r?\n/)
        .map((entry) => entry.trim())
        .filter((entry) => entry && !entry.startsWith('#') && !entry.startsWith('!'));
    if (entries.length === 0)
        entries.push('okta/connections');
    for (const entry of entries) {
        const segments = external_node_path_default().posix.normalize(entry).split('/');
        const firstPattern = segments.findIndex((segment) => /[*?[\]{}\\]/.test(segment));
        const prefix = (firstPattern === -1 ? segments : segments.slice(0, firstPattern)).join('/');
        if (!prefix || prefix === '.' || prefix.startsWith('../') || prefix === '..' || prefix.startsWith('/')) {
            return ['.'];
        }
        prefixes.add(prefix);
    }
    return [...prefixes];
}
/**
 * Which of these workspace-relative names the `path` input selects. The names no longer exist on disk, and
 * the path input's rules live in files.ts and walk the file system, so they are asked about empty stand-ins
 * laid out under a temporary folder: the same rules, not a copy of them.
 */
async function selectedNames(pathInput, names) {
    if (names.length === 0)
        return new Set();
    const root = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'oac-scope-'));
    try {
        for (const name of names) {
            const file = external_node_path_default().join(root, ...name.split('/'));
            await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
            await (0,promises_.writeFile)(file, '');
        }
        const found = await (0,files/* findDefinitionFiles */.S)(pathInput, root);
        return new Set(found.files.map((file) => external_node_path_default().relative(root, file).split((external_node_path_default()).sep).join('/')));
    }
    finally {
        await (0,promises_.rm)(root, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/plan/scope.ts


/**
 * The connections a plan reads. With two commits, only those whose definitions differ between the base and
 * the checkout; when git cannot answer, everything, and why: never a guess.
 */
async function resolvePlanScope(request) {
    const all = (fallback) => ({
        connections: [...request.connections],
        scope: { mode: 'all', unread: 0, ...(fallback && { fallback }) },
    });
    const { scope } = request;
    if (scope.mode === 'all')
        return all(scope.fallback);
    const git = request.git ?? runGit;
    try {
        const found = await changedConnections({ ...request, base: scope.base, git });
        return {
            connections: found.changed,
            scope: {
                mode: 'changed',
                base: found.base,
                head: scope.head,
                unread: request.connections.length - found.changed.length,
            },
            base: found.baseVersions,
        };
    }
    catch (error) {
        if (error instanceof GitError)
            return all(gitFallback(error));
        throw error;
    }
}
/** Why a plan reads everything when git failed. Reasons are plain text: the reports escape them. */
function gitFallback(error) {
    return `git could not compare the commits (${error.message})`;
}

// EXTERNAL MODULE: ./src/run/okta.ts + 13 modules
var okta = __webpack_require__(7962);
// EXTERNAL MODULE: ./src/run/redact.ts
var redact = __webpack_require__(8552);
// EXTERNAL MODULE: ./src/run/validate.ts
var validate = __webpack_require__(7275);
;// CONCATENATED MODULE: ./src/run/plan.ts





/** `plan`: valid definitions, read live state (read-only), the plan. Nothing is written to Okta. */
async function runPlan(settings, ports) {
    const prepared = await (0,validate/* prepareDefinitions */.U)(settings, ports);
    if (!prepared.ok)
        return { kind: 'invalid', loaded: prepared.loaded, problems: prepared.problems };
    const client = (0,okta/* openOkta */.OM)(settings.okta, 'read', ports);
    try {
        const { plan } = await makePlan(client, settings, prepared.connections, prepared.loaded, ports);
        ports.progress?.end();
        (0,okta/* reportNotRead */.w3)(plan, client, ports.logger);
        return { kind: 'planned', loaded: prepared.loaded, plan: (0,redact/* redactedCopy */.m)(ports.secrets, plan) };
    }
    finally {
        await client.close();
    }
}
/**
 * The connections in scope (all, or those the change touched, plus the app ids in `include`: those that
 * reviewed pull requests name), read and compared. `changedByPush`: the app ids whose definitions the
 * compared commits changed, when the scope could tell.
 */
async function makePlan(reader, settings, connections, loaded, ports, include = []) {
    const scoped = settings.scope
        ? await resolvePlanScope({
            scope: settings.scope,
            workspace: settings.workspace,
            path: settings.path,
            files: loaded.files,
            connections,
            env: ports.env,
        })
        : undefined;
    const wanted = new Set(include);
    const planned = scoped && scoped.scope.mode === 'changed'
        ? [
            ...scoped.connections,
            ...connections.filter((c) => wanted.has(c.id) && !scoped.connections.includes(c)),
        ]
        : connections;
    const plan = await (0,plan_plan/* planConnections */.dh)(reader, planned, {
        orgUrl: settings.okta.orgUrl,
        path: settings.path,
        env: ports.env,
        rotateSecrets: settings.rotateSecrets,
        warnings: loaded.problems,
        ...(scoped && {
            scope: { ...scoped.scope, unread: scoped.scope.unread - (planned.length - scoped.connections.length) },
        }),
        ...(scoped?.base && { base: scoped.base }),
        ...(ports.progress && { progress: ports.progress.step('read') }),
    });
    return {
        plan,
        ...(scoped?.scope.mode === 'changed' && { changedByPush: scoped.connections.map((c) => c.id) }),
    };
}


/***/ }),

/***/ 8552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ redactedCopy)
/* harmony export */ });
/**
 * A copy of a result with every string in it redacted, for the reports. Renderers escape text (a `*` or `_`
 * gains a backslash), after which a secret would no longer match: so results are redacted before rendering,
 * and the rendered text once more after.
 */
function redactedCopy(secrets, value) {
    return JSON.parse(secrets.redactJson(value));
}


/***/ })

};
