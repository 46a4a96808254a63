export const id = 142;
export const ids = [142];
export const modules = {

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


/***/ }),

/***/ 1142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runApply: () => (/* binding */ runApply)
});

// UNUSED EXPORTS: restrictPlan

// EXTERNAL MODULE: ./src/definitions/env.ts
var definitions_env = __webpack_require__(205);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/okta/errors.ts
var errors = __webpack_require__(2282);
// EXTERNAL MODULE: ./src/resources/features/schema.ts
var schema = __webpack_require__(5390);
// EXTERNAL MODULE: ./src/resources/features/compare.ts
var compare = __webpack_require__(6178);
;// CONCATENATED MODULE: ./src/resources/features/apply.ts


/**
 * A planned connection: its own operations through `applyOwn` (with `update-features` left out), then its
 * feature changes. Features wait when the connection failed, or waits for consent (Okta has no provisioning
 * for it until then): the apply after consent sets them.
 */
async function applyWithFeatures(writer, planned, connection, applyOwn, { logger, describeError }) {
    if (!planned.operations.includes('update-features'))
        return applyOwn(planned);
    const own = planned.operations.filter((operation) => operation !== 'update-features');
    const result = own.length > 0
        ? await applyOwn({ ...planned, operations: own })
        : { appId: planned.appId, name: planned.name, status: 'applied', done: [] };
    if (result.status === 'failed' && result.error) {
        const message = `${result.error.message} Its provisioning features were not changed.`;
        return { ...result, error: { ...result.error, message } };
    }
    if (result.status !== 'applied')
        return result;
    const failure = await writeFeatures(writer, planned, connection, describeError);
    if (failure)
        return { ...result, status: 'failed', ...failure };
    const done = [...result.done, 'update-features'];
    logger.info(`${planned.name} (${planned.appId}): ${done.join(' + ')} done`);
    return { ...result, done };
}
/**
 * Each feature with changes, one PUT of its touched sections over Okta's values right now, confirmed from the
 * answer; what went wrong, or undefined when every feature shows the desired settings.
 */
async function writeFeatures(writer, planned, connection, describeError) {
    const changes = planned.features ?? [];
    const declared = connection.features ?? {};
    const failed = (error, what) => {
        const described = describeError(error);
        return { error: { ...described, message: `${what} failed: ${described.message}` } };
    };
    // Okta's values right now (after any configure of this apply): the base each PUT's sections are built on.
    let current;
    try {
        current = await writer.listFeatures(planned.appId);
    }
    catch (error) {
        return failed(error, 'reading its provisioning features before changing them');
    }
    for (const name of schema/* FEATURE_NAMES */.K7) {
        const mine = changes.filter((change) => (0,schema/* featureSetting */.Xm)(change.field)?.feature === name);
        if (mine.length === 0)
            continue;
        const live = current.find((feature) => feature.name === name)?.capabilities ?? {};
        let answer;
        try {
            answer = await writer.updateFeature(planned.appId, name, featureRequest(name, mine, declared, live));
        }
        catch (error) {
            return failed(error, `updating its provisioning features (${name})`);
        }
        const mismatches = confirmFeature(answer, mine, declared);
        if (mismatches.length > 0) {
            return {
                mismatches,
                error: {
                    code: 'not-confirmed',
                    message: `Okta does not show the desired ${name} settings after the change.`,
                },
            };
        }
    }
    return undefined;
}
/**
 * The sections a feature's PUT carries: those its changes touch (`create`, `update`; INBOUND_PROVISIONING
 * always both `importSettings` and `importRules`, which Okta's request schema requires).
 */
function touchedSections(name, changes) {
    if (name === 'INBOUND_PROVISIONING')
        return ['importSettings', 'importRules'];
    return [...new Set(changes.flatMap((change) => (0,schema/* featureSetting */.Xm)(change.field)?.api[0] ?? []))];
}
/**
 * The PUT body of one feature: each section it touches whole, Okta's current values (`live`) with every
 * declared setting of that section laid over them. The spec says only "partial updates"; every real request
 * recorded and every Okta example sends whole sections, so this is right whether Okta merges deeply or
 * replaces the sections it is sent: settings a definition does not declare are sent as Okta has them.
 */
function featureRequest(name, changes, declared, live) {
    const sections = touchedSections(name, changes);
    const body = {};
    for (const section of sections) {
        const current = live[section];
        body[section] = typeof current === 'object' ? structuredClone(current) : {};
    }
    for (const setting of schema/* FEATURE_SETTINGS */.bK) {
        const value = declared[setting.path];
        if (setting.feature !== name || value === undefined || !sections.includes(setting.api[0]))
            continue;
        let node = body;
        for (const key of setting.api.slice(0, -1)) {
            const next = node[key];
            node = (node[key] = typeof next === 'object' ? next : {});
        }
        node[setting.api.at(-1)] = setting.type.kind === 'switch' ? (value ? 'ENABLED' : 'DISABLED') : value;
    }
    return body;
}
/** Changed settings whose value in Okta's answer is not the declared one (before = found, after = wanted). */
function confirmFeature(answer, changes, declared) {
    const found = (0,compare/* featureValues */.ru)([answer]);
    return changes.flatMap((change) => {
        const wanted = declared[change.field];
        const now = found[change.field];
        if (wanted === undefined || now === wanted)
            return [];
        return [
            {
                field: change.field,
                before: now === undefined ? null : (0,schema/* showFeatureValue */.XC)(now),
                after: (0,schema/* showFeatureValue */.XC)(wanted),
            },
        ];
    });
}

;// CONCATENATED MODULE: ./src/apply/model.ts
function summarizeApply(results) {
    return {
        results,
        applied: results.filter((r) => r.status === 'applied').length,
        failed: results.filter((r) => r.status === 'failed').length,
        consentNeeded: results.filter((r) => r.status === 'consent-needed').length,
    };
}

// EXTERNAL MODULE: ./src/kinds/index.ts + 7 modules
var kinds = __webpack_require__(8164);
// EXTERNAL MODULE: ./src/resources/connection/public-key.ts
var public_key = __webpack_require__(3771);
;// CONCATENATED MODULE: ./src/resources/connection/request.ts

/**
 * The POST body for a configure: exactly the OpenAPI request schema, with only the parts the app uses.
 * OAuth connections get no baseUrl. A kind with signing (Org2Org) over OAuth gets `signing.rotationMode`
 * only when the definition sets it or the live connection has one (kept, since Okta turns an omitted one
 * into MANUAL): Okta's spec marks `signing` as not generally available, and an org whose edition lacks it
 * refuses it.
 */
function connectionRequest(connection, appKind, secrets, live) {
    if (connection.authScheme === 'TOKEN') {
        return {
            ...(connection.baseUrl !== undefined && { baseUrl: connection.baseUrl }),
            profile: { authScheme: 'TOKEN', token: secrets.token ?? '' },
        };
    }
    const rotationMode = connection.rotationMode ?? (live?.authScheme === 'OAUTH2' ? live.rotationMode : undefined);
    return {
        profile: {
            authScheme: 'OAUTH2',
            ...(connection.clientId !== undefined && { clientId: connection.clientId }),
            ...((0,kinds/* appKindOf */.PM)(appKind)?.signing && rotationMode && { signing: { rotationMode } }),
            ...(secrets.adminPassword !== undefined && {
                settings: { adminUsername: secrets.adminUsername ?? '', adminPassword: secrets.adminPassword },
            }),
        },
    };
}

;// CONCATENATED MODULE: ./src/resources/connection/apply.ts








/**
 * Carries out a (verified) plan: per connection, its operations in order, then confirms the result from
 * Okta's answer to the configure, or from a re-read when a lifecycle call (empty answer) came last. So a
 * changed connection costs the plan's read and one write in Okta's small `/api/v1/apps/*` bucket.
 * Connections run concurrently within the client's limits; one failing never stops the others.
 */
async function applyPlan(writer, plan, connections, options) {
    const byId = new Map(connections.map((connection) => [connection.id, connection]));
    const featureOptions = {
        logger: options.logger ?? log/* silentLogger */.q,
        describeError: (error) => describeError(error, options.secrets),
    };
    const applies = (planned) => !planned.error && planned.operations.length > 0;
    const total = plan.connections.filter(applies).length;
    let done = 0;
    options.progress?.(0, total);
    const results = await Promise.all(plan.connections.map((planned) => {
        if (!applies(planned))
            return Promise.resolve(notApplied(planned));
        const connection = byId.get(planned.appId);
        if (!connection)
            return Promise.resolve(withoutDefinition(planned));
        const own = (ownPlan) => applyConnection(writer, ownPlan, connection, options);
        return applyWithFeatures(writer, planned, connection, own, featureOptions).finally(() => options.progress?.((done += 1), total));
    }));
    return summarizeApply(results);
}
async function applyConnection(writer, planned, connection, { env, secrets, logger = log/* silentLogger */.q }) {
    const run = new ConnectionRun(planned, logger);
    let body;
    if (planned.operations.includes('configure')) {
        const request = configureRequest(planned, connection, env, secrets);
        if ('error' in request)
            return run.result('failed', request);
        body = request.body;
    }
    // Okta's latest answer that shows the connection; undefined after a lifecycle call (its answer is empty).
    let latest;
    try {
        const pending = [...planned.operations];
        while (pending.length > 0) {
            const operation = pending.shift();
            const step = operation === 'configure'
                ? await configure(writer, run, pending, body, connection, secrets)
                : await changeLifecycle(writer, run, operation);
            if ('end' in step)
                return step.end;
            latest = step.latest;
        }
    }
    catch (error) {
        return run.result('failed', { error: describeError(error, secrets) });
    }
    const outcome = await confirmWrites(writer, planned, latest, run.done, secrets);
    if ('consentUrl' in outcome)
        return run.consentNeeded(outcome.consentUrl);
    return run.result(outcome.status, outcome.extra);
}
/** One connection's apply in progress: what is done so far, and how each of its outcomes reads. */
class ConnectionRun {
    planned;
    logger;
    done = [];
    constructor(planned, logger) {
        this.planned = planned;
        this.logger = logger;
    }
    result(status, extra = {}) {
        return { appId: this.planned.appId, name: this.planned.name, status, done: this.done, ...extra };
    }
    consentNeeded(consentUrl) {
        this.logger.info(`${this.label()}: waiting for an admin to grant consent in Okta`);
        return this.result('consent-needed', { consentUrl });
    }
    did(...operations) {
        this.done.push(...operations);
        this.logger.info(`${this.label()}: ${this.done.join(' + ')} done`);
    }
    label() {
        return `${this.planned.name} (${this.planned.appId})`;
    }
}
/**
 * The configure. It takes the activate that follows it into the same request, and queues an activate when
 * Okta leaves a connection that should be enabled disabled (`pending` is the rest of the operations).
 */
async function configure(writer, run, pending, body, connection, secrets) {
    const { planned } = run;
    // configure + activate in one request (`?activate=true`) saves a call in the small bucket. It is also sent
    // when the connection is enabled already, so that a configure never leaves it disabled. Consent apps are
    // configured without it, as Okta's guide says: activation waits for consent.
    const activate = !planned.consentApp && (pending[0] === 'activate' || planned.desired?.status === 'ENABLED');
    let latest;
    try {
        latest = await writer.updateConnection(planned.appId, body, { activate });
    }
    catch (error) {
        return { end: run.result('failed', { error: configureError(error, planned, connection, secrets) }) };
    }
    const done = ['configure'];
    if (activate && pending[0] === 'activate')
        done.push(pending.shift());
    run.did(...done);
    if (leftDisabled(planned, latest) && !run.done.includes('activate')) {
        // A connection set up for the first time waits for a person's consent: there is none to hold yet.
        const consentUrl = awaitingConsent(planned, latest);
        if (consentUrl && !wasSetUp(planned))
            return { end: run.consentNeeded(consentUrl) };
        // Okta answered a configure without `activate` DISABLED (recorded): activate now, in this apply. For a
        // consent app whose consent still holds it takes; otherwise Okta refuses or leaves it disabled, and the
        // connection ends as "consent needed" with the link.
        if (pending[0] !== 'activate')
            pending.unshift('activate');
    }
    return { latest };
}
/** An activate or deactivate: Okta's answer is empty, so nothing is known of the connection after it. */
async function changeLifecycle(writer, run, operation) {
    const { planned } = run;
    try {
        await (operation === 'activate'
            ? writer.activateConnection(planned.appId)
            : writer.deactivateConnection(planned.appId));
    }
    catch (error) {
        // What Okta answers to an activation before consent is undocumented: a refusal is one possibility.
        if (operation === 'activate' && planned.consentApp && mayBeMissingConsent(error)) {
            const consentUrl = await consentUrlNow(writer, planned);
            if (consentUrl)
                return { end: run.consentNeeded(consentUrl) };
        }
        throw error;
    }
    run.did(operation);
    return { latest: undefined };
}
/** The configure's body, with the secrets read from the environment; a missing one fails the connection. */
function configureRequest(planned, connection, env, secrets) {
    const read = (0,definitions_env/* readSecretValues */.xL)(connection, env, secrets);
    if ('missing' in read) {
        return {
            error: {
                code: 'missing-secret',
                message: `environment variable ${read.missing.join(', ')} is not set, so nothing was written to this connection; pass the secret to the action step through \`env:\`.`,
            },
        };
    }
    return { body: connectionRequest(connection, planned.appKind, read.values, liveConnection(planned)) };
}
/**
 * After the writes: Okta's latest answer (re-read when a lifecycle call came last) against the plan; for a
 * new key pair (configured kind with signing, over OAuth), the public key the other side must trust.
 */
async function confirmWrites(writer, planned, answer, done, secrets) {
    let latest = answer;
    if (!latest) {
        try {
            latest = await writer.getConnection(planned.appId);
        }
        catch (error) {
            const described = describeError(error, secrets);
            return {
                status: 'failed',
                extra: { error: { ...described, message: `written, but the re-read failed: ${described.message}` } },
            };
        }
    }
    const mismatches = apply_confirm(planned, latest);
    // An activation that left a consent app disabled, with the authorize link: the other possibility.
    const consentUrl = awaitingConsent(planned, latest);
    if (consentUrl && mismatches.every((mismatch) => mismatch.field === 'status'))
        return { consentUrl };
    if (mismatches.length > 0) {
        return {
            status: 'failed',
            extra: {
                mismatches,
                error: { code: 'not-confirmed', message: 'Okta does not show the desired state after the change.' },
            },
        };
    }
    if (done.includes('configure') && (0,kinds/* hasPublicKey */.$$)(planned.appKind, planned.desired?.authScheme)) {
        const publicKey = await (0,public_key/* readPublicKey */.R)(writer, planned.appId, { clientId: latest.clientId ?? planned.desired?.clientId, rotationMode: latest.rotationMode }, (text) => secrets.redact(text));
        return { status: 'applied', extra: { publicKey } };
    }
    return { status: 'applied' };
}
/** Fields of Okta's answer (or re-read) that differ from the desired state (only those Okta returns). */
function apply_confirm(planned, after) {
    const desired = planned.desired;
    if (!desired)
        return [];
    const mismatches = [];
    const check = (field, found, wanted, always = false) => {
        if (wanted === undefined || (found === undefined && !always))
            return;
        if (found !== wanted)
            mismatches.push({ field, before: found ?? null, after: wanted });
    };
    check('status', after.status, desired.status, true);
    check('auth_scheme', after.authScheme, desired.authScheme, true);
    check('base_url', after.baseUrl, desired.baseUrl, true);
    check('client_id', after.clientId, desired.clientId);
    check('signing.rotation_mode', after.rotationMode, desired.rotationMode);
    return mismatches;
}
/** Okta shows the connection disabled where the definition wants it enabled. */
function leftDisabled(planned, connection) {
    return planned.desired?.status === 'ENABLED' && connection.status !== 'ENABLED';
}
/** The connection was set up before this apply (so a consent app may hold a consent from then). */
function wasSetUp(planned) {
    const live = planned.live;
    return live !== undefined && live.status !== 'UNKNOWN' && live.authScheme !== 'UNKNOWN';
}
/** The authorize link, when a consent app that should be enabled is not, and Okta shows where to consent. */
function awaitingConsent(planned, connection) {
    if (!planned.consentApp || planned.desired?.status !== 'ENABLED' || connection.status === 'ENABLED') {
        return undefined;
    }
    return connection.authorizeUrl;
}
/** A refusal that may mean "no consent yet" (not auth, permission, a missing app or a rate limit). */
function mayBeMissingConsent(error) {
    return (error instanceof errors/* OktaApiError */.Iy &&
        error.status >= 400 &&
        error.status < 500 &&
        ![401, 403, 404, 429].includes(error.status));
}
/** Re-reads a consent app after a refused activation; its authorize link if it still waits for consent. */
async function consentUrlNow(writer, planned) {
    try {
        return awaitingConsent(planned, await writer.getConnection(planned.appId));
    }
    catch {
        return undefined; // the refusal itself is reported
    }
}
/** A configure failure; Okta's refusal of `signing` (an org without key rotation) says how to fix it. */
function configureError(error, planned, connection, secrets) {
    const described = describeError(error, secrets);
    const kind = (0,kinds/* appKindOf */.PM)(planned.appKind);
    const refused = kind?.signing &&
        error instanceof errors/* OktaApiError */.Iy &&
        error.status === 400 &&
        connection.rotationMode !== undefined &&
        /signing|rotationMode/i.test([error.errorSummary ?? '', ...error.causes].join(' '));
    if (!refused)
        return described;
    const at = connection.definition.fields['profile.signing'] ?? connection.definition.source;
    return {
        code: 'signing-not-available',
        message: `Okta refused \`signing.rotation_mode\`: this org's edition does not offer signing key rotation for ${kind.shortName} connections. Remove \`signing\` from the definition (${at.file}:${at.line}) and apply again. ${described.message}`,
    };
}
function liveConnection(planned) {
    return planned.live ? { ...planned.live } : undefined;
}
/** A connection apply leaves alone: nothing to do, or it could not be planned (then it counts as failed). */
function notApplied(planned) {
    return {
        appId: planned.appId,
        name: planned.name,
        status: planned.error ? 'failed' : 'unchanged',
        done: [],
        ...(planned.error && { error: { message: planned.error.message, code: planned.error.code } }),
    };
}
/** A plan entry with work but no definition to take the secrets from: fails, never passes as unchanged. */
function withoutDefinition(planned) {
    return {
        appId: planned.appId,
        name: planned.name,
        status: 'failed',
        done: [],
        error: {
            code: 'no-definition',
            message: `the plan has ${planned.operations.join(' + ')} for app ${planned.appId}, but apply was given no definition of it; nothing was written.`,
        },
    };
}
function describeError(error, secrets) {
    if (error instanceof errors/* OktaApiError */.Iy) {
        return { message: secrets.redact(error.message), ...(error.errorCode && { code: error.errorCode }) };
    }
    return { message: secrets.redact(error instanceof Error ? error.message : String(error)) };
}

// EXTERNAL MODULE: ./src/plan/hash.ts
var hash = __webpack_require__(2239);
// EXTERNAL MODULE: ./src/plan/model.ts
var model = __webpack_require__(8582);
// EXTERNAL MODULE: ./src/plan/plan.ts + 3 modules
var plan = __webpack_require__(6860);
// EXTERNAL MODULE: ./src/run/okta.ts + 13 modules
var okta = __webpack_require__(7962);
// EXTERNAL MODULE: ./src/run/redact.ts
var redact = __webpack_require__(8552);
// EXTERNAL MODULE: ./src/run/plan.ts + 3 modules
var run_plan = __webpack_require__(4875);
;// CONCATENATED MODULE: ./src/run/review.ts
/**
 * plan-check: apply only what a person reviewed. Pure: the evidence (each merged pull request's review
 * record, or why it has none) is looked up by the shell; this decides, per pull request.
 */


/**
 * In order: an empty change set always applies; `plan-hash`, `plan-check: off` apply the whole plan; else
 * each pull request is verified against its own record (a connection changed by several against the newest),
 * refused as a whole when any of its connections now plans differently; drift is never written. More
 * deactivations than allowed are never written (each stops provisioning for every user of the app).
 * `changedByPush`: the connections whose definitions the pushed commits changed (undefined: unknown).
 */
/** What a refused apply tells a person to do: review the new plan, then apply exactly it by hand. */
function applyByHand(hash) {
    return `Review the new plan (job summary), then run this workflow by hand with \`command: apply\` and \`plan-hash: ${hash}\`.`;
}
function decideApply(plan, rules, evidence, changedByPush) {
    const rerun = applyByHand(plan.hash);
    const whole = (note) => {
        const tooMany = deactivationLimit(plan.connections, rules, plan.hash);
        return tooMany ?? { apply: true, note, write: 'all', pulls: [], drift: [], unreviewed: [] };
    };
    if (!plan.changes && plan.counts.errors === 0) {
        return {
            apply: true,
            note: 'The plan has no changes: nothing to apply.',
            write: 'all',
            pulls: [],
            drift: [],
            unreviewed: [],
        };
    }
    if (rules.planHash !== undefined) {
        return rules.planHash === plan.hash
            ? whole(`plan-hash ${plan.hash} matches the fresh plan.`)
            : {
                apply: false,
                reason: `the fresh plan's hash ${plan.hash} is not the given plan-hash ${rules.planHash}: Okta or the definitions changed since that plan was made.`,
                instruction: rerun,
                failureReason: 'plan-changed',
            };
    }
    if (rules.planCheck === 'off')
        return whole('plan-check is off: applying what the definitions say.');
    if (evidence.kind === 'manual') {
        return {
            apply: false,
            reason: 'plan-check is strict and no plan-hash was given, so there is no reviewed plan to compare with.',
            instruction: rerun,
            failureReason: 'not-reviewed',
        };
    }
    if (evidence.kind === 'unreviewed') {
        return { apply: false, reason: evidence.reason, instruction: rerun, failureReason: 'not-reviewed' };
    }
    // Not knowing what the push changed, nothing passes for drift while a merged change lacks a record.
    const unknownChanges = evidence.pulls.length === 0 || evidence.pulls.some((pull) => !pull.reviewed);
    const changed = changedByPush ?? (unknownChanges ? plan.connections.map((c) => c.appId) : []);
    return decidePerPullRequest(plan, rules, evidence.pulls, changed, evidence.note);
}
function decidePerPullRequest(plan, rules, pulls, changedByPush, rangeNote) {
    const byId = new Map(plan.connections.map((connection) => [connection.appId, connection]));
    // A connection changed by several pull requests is verified against the newest record naming it.
    const owner = new Map();
    for (const pull of pulls) {
        for (const appId of Object.keys(pull.reviewed?.connections ?? {}))
            owner.set(appId, pull.number);
    }
    // Changes the definitions asked for that no valid record names: never written.
    const unreviewed = changedByPush.filter((id) => hasWork(byId.get(id)) && !owner.has(id));
    const decisions = pulls.map((pull) => verifyPullRequest(pull, owner, byId, unreviewed.length > 0));
    const write = decisions.filter((d) => d.outcome === 'apply').flatMap((d) => d.appIds);
    const claimed = new Set(decisions.flatMap((d) => d.appIds).concat(...owner.keys()));
    const drift = plan.connections
        .filter((c) => hasWork(c) && !claimed.has(c.appId) && !unreviewed.includes(c.appId))
        .map((c) => c.appId);
    const toWrite = write.map((id) => byId.get(id));
    const tooMany = deactivationLimit(toWrite, rules, plan.hash);
    if (tooMany)
        return tooMany;
    const refused = decisions.filter((d) => d.outcome !== 'apply');
    const failureReason = refused.some((d) => d.outcome === 'plan-changed')
        ? 'plan-changed'
        : refused.length > 0 || unreviewed.length > 0
            ? 'not-reviewed'
            : undefined;
    const applied = decisions.filter((d) => d.outcome === 'apply').map((d) => `#${d.number}`);
    const note = [
        rangeNote,
        applied.length > 0
            ? `Applying the reviewed changes of pull request${applied.length === 1 ? '' : 's'} ${applied.join(', ')}.`
            : 'No reviewed pull request has changes to apply.',
        drift.length > 0
            ? `${drift.length} connection(s) drifted in Okta outside any reviewed change; not written: ${drift.join(', ')}.`
            : undefined,
    ]
        .filter(Boolean)
        .join(' ');
    return {
        apply: true,
        note,
        write,
        pulls: decisions,
        drift,
        unreviewed,
        ...(failureReason && { failureReason }),
    };
}
/** Something will be written to this connection (or it failed to plan, which must not pass silently). */
function hasWork(connection) {
    return Boolean(connection && (connection.operations.length > 0 || connection.error));
}
/** One merged pull request against its own record: applied as a whole, or refused as a whole, and why. */
function verifyPullRequest(pull, owner, byId, unreviewedLeft) {
    const owned = Object.keys(pull.reviewed?.connections ?? {}).filter((id) => owner.get(id) === pull.number);
    const appIds = owned.filter((id) => hasWork(byId.get(id)));
    // A pull request without a record passes only when nothing unreviewed is left to write: its changes then
    // plan nothing (with `comment: changes-only` a pull request that changes nothing in Okta has no comment).
    if (!pull.reviewed && !unreviewedLeft) {
        return { number: pull.number, outcome: 'apply', appIds: [] };
    }
    if (!pull.reviewed) {
        return {
            number: pull.number,
            outcome: 'not-reviewed',
            appIds,
            reason: pull.notEvidence ?? 'no record',
        };
    }
    if (pull.changedAfterApproval) {
        return {
            number: pull.number,
            outcome: 'plan-changed',
            appIds,
            reason: `the plan of pull request #${pull.number} changed after the last approval, and nobody approved it again.`,
        };
    }
    const reviewed = pull.reviewed.connections;
    // Nothing is written for a connection that now plans no change, so only those with work are compared.
    const differing = appIds.filter((id) => (0,hash/* connectionChangeHash */.HL)(byId.get(id)) !== reviewed[id]);
    if (differing.length > 0) {
        return {
            number: pull.number,
            outcome: 'plan-changed',
            appIds,
            reason: `the plan of pull request #${pull.number} changed since it was reviewed (${differing.join(', ')} now plan${differing.length === 1 ? 's' : ''} differently): Okta or the definitions changed in between.`,
        };
    }
    return { number: pull.number, outcome: 'apply', appIds };
}
function deactivationLimit(connections, rules, hash) {
    const count = (0,model/* countPlan */.R)(connections).toDeactivate;
    if (count <= rules.maxDeactivations)
        return undefined;
    return {
        apply: false,
        reason: `the plan deactivates ${count} connections, more than \`max-deactivations\` (${rules.maxDeactivations}) allows; deactivating a connection stops provisioning for every user assigned to its app.`,
        instruction: `If that is intended, raise \`max-deactivations\` to ${count} for one run (with \`plan-hash: ${hash}\`).`,
        failureReason: 'too-many-deactivations',
    };
}

// EXTERNAL MODULE: ./src/run/validate.ts
var validate = __webpack_require__(7275);
;// CONCATENATED MODULE: ./src/run/apply.ts









/**
 * `apply`: plan with a client that may write, decide what of this plan may be applied, then apply that and
 * confirm. A refusal writes nothing.
 */
async function runApply(settings, ports) {
    const prepared = await (0,validate/* prepareDefinitions */.U)(settings, ports);
    if (!prepared.ok)
        return { kind: 'invalid', loaded: prepared.loaded, problems: prepared.problems };
    const evidence = await ports.review((0,plan/* planKey */.vH)(settings.okta.orgUrl, settings.path));
    const reviewedIds = evidence.kind === 'pulls'
        ? evidence.pulls.flatMap((pull) => Object.keys(pull.reviewed?.connections ?? {}))
        : [];
    const client = (0,okta/* openOkta */.OM)(settings.okta, 'write', ports);
    try {
        const { plan, changedByPush } = await (0,run_plan/* makePlan */.C)(client, settings, prepared.connections, prepared.loaded, ports, reviewedIds);
        ports.progress?.end();
        (0,okta/* reportNotRead */.w3)(plan, client, ports.logger);
        const decision = decideApply(plan, settings, evidence, changedByPush);
        const shown = (0,redact/* redactedCopy */.m)(ports.secrets, plan);
        if (!decision.apply)
            return { kind: 'refused', plan: shown, ...decision, evidence };
        const written = decision.write === 'all' ? plan : restrictPlan(plan, decision.write);
        const report = await applyPlan(client, written, prepared.connections, {
            env: ports.env,
            secrets: ports.secrets,
            logger: ports.logger,
            ...(ports.progress && { progress: ports.progress.step('applied') }),
        });
        ports.progress?.end();
        return {
            kind: 'applied',
            plan: shown,
            written: (0,redact/* redactedCopy */.m)(ports.secrets, written),
            report: (0,redact/* redactedCopy */.m)(ports.secrets, report),
            decision,
            evidence,
        };
    }
    finally {
        await client.close();
    }
}
/** The plan of only these connections: what one pull request (or one apply) covers. */
function restrictPlan(plan, appIds) {
    const wanted = new Set(appIds);
    const connections = plan.connections.filter((connection) => wanted.has(connection.appId));
    return {
        ...plan,
        connections,
        counts: (0,model/* countPlan */.R)(connections),
        changes: connections.some((connection) => connection.operations.length > 0),
        hash: (0,hash/* planHash */.SH)(connections),
    };
}


/***/ })

};
