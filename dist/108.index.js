export const id = 108;
export const ids = [108];
export const modules = {

/***/ 3108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyInAction: () => (/* binding */ applyInAction)
});

;// CONCATENATED MODULE: ./src/apply/model.ts
function summarizeApply(results) {
    return {
        results,
        applied: results.filter((r) => r.status === 'applied').length,
        failed: results.filter((r) => r.status === 'failed').length,
        consentNeeded: results.filter((r) => r.status === 'consent-needed').length,
    };
}

// EXTERNAL MODULE: ./src/plan/plan.ts + 3 modules
var plan = __webpack_require__(6860);
// EXTERNAL MODULE: ./src/render/plan-markdown.ts
var plan_markdown = __webpack_require__(4095);
// EXTERNAL MODULE: ./src/github/limits.ts
var limits = __webpack_require__(1679);
// EXTERNAL MODULE: ./src/render/plan-text.ts
var plan_text = __webpack_require__(6349);
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
// EXTERNAL MODULE: ./src/run/okta.ts + 13 modules
var okta = __webpack_require__(7962);
// EXTERNAL MODULE: ./src/run/redact.ts
var redact = __webpack_require__(8552);
// EXTERNAL MODULE: ./src/run/plan.ts
var run_plan = __webpack_require__(8446);
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

// EXTERNAL MODULE: ./src/github/action-run.ts
var action_run = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/github/octokit.ts
var github_octokit = __webpack_require__(6702);
;// CONCATENATED MODULE: ./src/github/ledger.ts
/**
 * The apply ledger (CONTRACT 6a): one GitHub deployment per apply, in the environment `okta: <key>`. The last
 * successful one says which commit last reached Okta; a push apply covers every pull request merged since
 * then, so a cancelled, failed or skipped apply is caught up by the next one. A missing ledger (no
 * `deployments` permission, first apply, history rewritten) falls back to this push and says so.
 */

/** Bounds: deployments looked at for the last success, commits walked in a range. */
const DEPLOYMENTS_SEEN = 50;
const COMMITS_WALKED = 250;
const PER_PAGE = 100;
/** The environment a key's applies are deployments of: readable on the Deployments page, one per org and folder. */
function ledgerEnvironment(key) {
    return `okta: ${key}`;
}
/** The commit of the newest deployment of the key whose newest status is `success`, or why there is none. */
async function lastApply(octokit, { owner, repo, key }) {
    // GitHub lists deployments newest first, their statuses newest first.
    const { data: deployments } = await octokit.rest.repos.listDeployments({
        owner,
        repo,
        environment: ledgerEnvironment(key),
        per_page: DEPLOYMENTS_SEEN,
    });
    // Anyone with write access can create deployments and statuses: only the token identity's are the ledger.
    const login = deployments.length > 0 ? await (0,github_octokit/* tokenLogin */.nu)(octokit) : '';
    const ours = deployments.filter((deployment) => (0,github_octokit/* isAuthoredBy */.mx)(deployment.creator, login));
    for (const deployment of ours) {
        const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: deployment.id,
            per_page: 1,
        });
        const newest = statuses[0];
        if (newest?.state === 'success' && (0,github_octokit/* isAuthoredBy */.mx)(newest.creator, login))
            return { kind: 'applied', sha: deployment.sha };
    }
    // A full page may hide older ones (ours too): where the unapplied range starts is unknown.
    if (deployments.length >= DEPLOYMENTS_SEEN)
        return { kind: 'unknown', seen: deployments.length };
    const oldest = ours.at(-1);
    return oldest ? { kind: 'never-succeeded', since: oldest.sha } : { kind: 'none' };
}
/**
 * The commits after `base` up to and including `head`, oldest first (compare API). GitHub lists them oldest
 * first, a page of 100 at a time; beyond the bound the newest are kept (they hold this push's merges), read
 * from the last pages, so a range costs at most five requests.
 */
async function commitsBetween(octokit, { owner, repo }, base, head) {
    const page = async (number) => {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
            owner,
            repo,
            basehead: `${base}...${head}`,
            per_page: PER_PAGE,
            page: number,
        });
        return data;
    };
    try {
        const first = await page(1);
        if (first.status !== 'ahead' && first.status !== 'identical') {
            return { kind: 'not-ancestor', status: first.status };
        }
        const total = first.total_commits;
        const pages = Math.ceil(total / PER_PAGE);
        // The pages that hold the newest COMMITS_WALKED commits, oldest of them first.
        const from = Math.max(1, pages - Math.ceil(COMMITS_WALKED / PER_PAGE));
        const listed = [];
        for (let number = from; number <= Math.max(1, pages); number++) {
            listed.push(...(number === 1 ? first.commits : (await page(number)).commits));
        }
        const kept = listed.slice(-COMMITS_WALKED);
        return {
            kind: 'range',
            commits: kept.map((commit) => commit.sha),
            mainline: firstParentLine(kept, head),
            truncated: total > COMMITS_WALKED,
        };
    }
    catch (error) {
        if ((0,github_octokit/* isGitHubError */.e0)(error) && (0,github_octokit/* githubErrorStatus */.m9)(error) === 404)
            return { kind: 'not-ancestor', status: 'unknown' };
        throw error;
    }
}
/** The first-parent line from `head` through `commits`, oldest first; all of them if `head` is not listed. */
function firstParentLine(commits, head) {
    const firstParent = new Map(commits.map((commit) => [commit.sha, commit.parents?.[0]?.sha]));
    const start = [...firstParent.keys()].find((sha) => sha === head || sha.startsWith(head));
    if (!start)
        return commits.map((commit) => commit.sha);
    const line = new Set();
    for (let sha = start; sha && firstParent.has(sha); sha = firstParent.get(sha)) {
        if (line.has(sha))
            break;
        line.add(sha);
    }
    return [...line].reverse();
}
/** Starts the apply's deployment (`in_progress`); a refusal (403, no permission) is a warning, never fatal. */
async function startDeployment(octokit, ref, links) {
    const { owner, repo, key } = ref;
    try {
        const { data, status } = await octokit.rest.repos.createDeployment({
            owner,
            repo,
            ref: links.sha,
            environment: ledgerEnvironment(key),
            auto_merge: false,
            required_contexts: [],
            description: `okta-app-connections apply of ${key}`.slice(0, 140),
            production_environment: true,
        });
        if (status !== 201 || !('id' in data)) {
            return { warning: 'GitHub did not create the apply deployment.' };
        }
        await setDeploymentState(octokit, ref, data.id, 'in_progress', links);
        return { id: data.id };
    }
    catch (error) {
        if (!(0,github_octokit/* isGitHubError */.e0)(error))
            throw error;
        return {
            warning: `The apply could not be recorded as a deployment (${(0,github_octokit/* describeGitHubError */.dZ)(error)}). Give the workflow \`permissions: deployments: write\` so the next apply knows what reached Okta.`,
        };
    }
}
async function setDeploymentState(octokit, { owner, repo }, deploymentId, state, links) {
    try {
        await octokit.rest.repos.createDeploymentStatus({
            owner,
            repo,
            deployment_id: deploymentId,
            state,
            log_url: links.logUrl,
            environment_url: links.environmentUrl,
            auto_inactive: state === 'success',
        });
        return undefined;
    }
    catch (error) {
        if (!(0,github_octokit/* isGitHubError */.e0)(error))
            throw error;
        return `The apply deployment's status could not be set to ${state} (${(0,github_octokit/* describeGitHubError */.dZ)(error)}).`;
    }
}

// EXTERNAL MODULE: ./src/github/plan.ts + 4 modules
var github_plan = __webpack_require__(2816);
// EXTERNAL MODULE: ./src/github/outputs.ts
var outputs = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/github/publish.ts
var publish = __webpack_require__(7184);
// EXTERNAL MODULE: ./src/github/report.ts + 1 modules
var report = __webpack_require__(2031);
;// CONCATENATED MODULE: ./src/github/pulls.ts
/** Bound on the commits asked about (one request each). */
const COMMITS_ASKED = 100;
/**
 * The pull requests merged into `defaultBranch` whose merge commit (merge, squash, or the last commit of a
 * rebase merge) is one of `commits` (oldest first), oldest merge first. Pull requests that merely contain one
 * of the commits (a branch built on another) do not count.
 */
async function mergedPullRequestsOf(octokit, { owner, repo, commits, defaultBranch, ask = commits, }) {
    const inRange = new Set(commits);
    const found = new Map();
    // Newest commits first: those are the merge commits when the range is longer than the bound.
    for (const sha of [...ask].reverse().slice(0, COMMITS_ASKED)) {
        const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
            owner,
            repo,
            commit_sha: sha,
            per_page: 100,
        });
        for (const pull of pulls) {
            if (!pull.merged_at || !pull.merge_commit_sha || !inRange.has(pull.merge_commit_sha))
                continue;
            if (pull.base.ref !== defaultBranch || found.has(pull.number))
                continue;
            found.set(pull.number, {
                number: pull.number,
                mergedAt: pull.merged_at,
                headSha: pull.head.sha,
                headRef: pull.head.ref,
                mergeCommitSha: pull.merge_commit_sha,
            });
        }
    }
    // The merge commits' order in the range (oldest first): a merge queue lands a batch at one merged_at.
    const position = new Map(commits.map((sha, index) => [sha, index]));
    const at = (pull) => position.get(pull.mergeCommitSha) ?? 0;
    return [...found.values()].sort((a, b) => at(a) - at(b) || a.mergedAt.localeCompare(b.mergedAt) || a.number - b.number);
}

// EXTERNAL MODULE: ./src/github/comment.ts
var github_comment = __webpack_require__(7318);
// EXTERNAL MODULE: ./src/github/marker.ts
var marker = __webpack_require__(4329);
;// CONCATENATED MODULE: ./src/github/records.ts



const EDITS_QUERY = `query($id: ID!, $after: String) {
  node(id: $id) { ... on IssueComment { userContentEdits(first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { editor { __typename login } }
  } } }
}`;
/** Pages of a comment's edit history read at most (100 edits each): each plan run that changes it adds one. */
const EDIT_PAGES = 10;
async function pullRequestEvidence(octokit, lookup, pull) {
    const notEvidence = (why) => ({
        number: pull.number,
        notEvidence: `pull request #${pull.number} ${why}`,
    });
    const { owner, repo, key, login } = lookup;
    const comments = await (0,github_comment/* findStickyComments */.dj)(octokit, { owner, repo, issueNumber: pull.number, key });
    const comment = (0,github_comment/* recordCarrier */.I5)(comments);
    if (!comment)
        return notEvidence(`has no plan comment of this action for ${key}: it was never planned.`);
    const records = comment.marker.records ?? [];
    const current = records.at(-1);
    if (!current) {
        return notEvidence('has no review record in its plan comment (a release before records wrote it, or an apply refusal did): push to it or re-run its plan to record a review.');
    }
    const editors = await editorsOf(octokit, comment.nodeId);
    if ('error' in editors)
        return notEvidence(`has a plan comment whose edit history could not be read (${editors.error}).`);
    const others = editors.logins.filter((editor) => editor.toLowerCase() !== login.toLowerCase());
    if (others.length > 0) {
        return notEvidence(`has a plan comment that was edited by someone other than this action (${[...new Set(others)].map(plainLogin).join(', ')}): an edited record is not evidence of review.`);
    }
    if (comment.marker.bodyDigest !== (0,marker/* digestOfVisible */.Mq)(comment.body)) {
        return notEvidence('has a plan comment whose visible plan is no longer the text this action wrote.');
    }
    if (current.pr !== pull.number)
        return notEvidence(`has a record written for pull request #${current.pr}.`);
    if (current.headSha !== pull.headSha) {
        return notEvidence(`was last planned at ${current.headSha.slice(0, 7)}, not at its merged head ${pull.headSha.slice(0, 7)}.`);
    }
    const run = await runProblem(octokit, lookup, pull, current);
    if (run)
        return notEvidence(run);
    const approval = await approvalProblem(octokit, lookup, pull.number, records);
    return {
        number: pull.number,
        reviewed: { planHash: current.planHash, connections: current.connections },
        ...(approval && { changedAfterApproval: true }),
    };
}
async function editorsOf(octokit, nodeId) {
    const logins = [];
    let after;
    try {
        for (let page = 0; page < EDIT_PAGES; page += 1) {
            const answer = await octokit.graphql(EDITS_QUERY, {
                id: nodeId,
                after,
            });
            const edits = answer.node?.userContentEdits;
            if (!edits || !Array.isArray(edits.nodes))
                return { error: 'GitHub returned no edit history' };
            logins.push(...edits.nodes.map((edit) => editorLogin(edit?.editor)));
            const next = edits.pageInfo?.hasNextPage ? edits.pageInfo.endCursor : undefined;
            if (!next) {
                // A history GitHub counts longer than it showed has edits nobody can vouch for.
                if ((edits.totalCount ?? 0) > logins.length)
                    return { error: 'GitHub showed fewer edits than it counts' };
                return { logins };
            }
            after = next;
        }
    }
    catch (error) {
        if (!(0,github_octokit/* isGitHubError */.e0)(error))
            throw error;
        return { error: (0,github_octokit/* describeGitHubError */.dZ)(error) };
    }
    return { error: `more than ${EDIT_PAGES * 100} edits, more than this action reads` };
}
/**
 * An editor's login as REST and tokenLogin spell it: GraphQL names a bot without its `[bot]` suffix
 * (`github-actions`), REST with it. An editor GitHub no longer names (a deleted account) is someone else.
 */
function editorLogin(editor) {
    const login = editor?.login;
    if (typeof login !== 'string' || login === '')
        return 'a deleted account';
    return editor?.__typename === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
}
/** Why the record's run is not this pull request's plan run, or undefined when it is. */
async function runProblem(octokit, { owner, repo }, pull, record) {
    let run;
    try {
        ({ data: run } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: record.runId }));
    }
    catch (error) {
        if (!(0,github_octokit/* isGitHubError */.e0)(error))
            throw error;
        return (0,github_octokit/* githubErrorStatus */.m9)(error) === 404
            ? `has a record naming run ${record.runId}, which is not a workflow run of this repository.`
            : `has a record naming run ${record.runId}, which could not be read (${(0,github_octokit/* describeGitHubError */.dZ)(error)}); give the workflow \`actions: read\`.`;
    }
    const ofThisPull = (run.pull_requests ?? []).some((p) => p.number === pull.number) || run.head_branch === pull.headRef;
    if (run.event !== 'pull_request' || run.head_sha !== record.headSha || !ofThisPull) {
        return `has a record naming run ${record.runId}, which is not a pull_request run for its head ${record.headSha.slice(0, 7)}.`;
    }
    return undefined;
}
/**
 * True when the pull request has approvals (the newest review of each owner, member or collaborator, not
 * dismissed) and the newest record differs from the one its comment showed at the newest approval.
 */
async function approvalProblem(octokit, { owner, repo }, number, records) {
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
        owner,
        repo,
        pull_number: number,
        per_page: 100,
    });
    const newestByReviewer = new Map();
    for (const review of reviews) {
        const who = review.user?.login;
        const at = review.submitted_at;
        // Comments do not change a reviewer's verdict.
        if (!who || !at || review.state === 'COMMENTED' || review.state === 'PENDING')
            continue;
        // Anyone may review a public repository: only those with a say in it approve.
        if (!APPROVERS.has(review.author_association))
            continue;
        const known = newestByReviewer.get(who);
        if (!known || known.at <= at)
            newestByReviewer.set(who, { state: review.state, at });
    }
    const approvedAt = [...newestByReviewer.values()]
        .filter((review) => review.state === 'APPROVED')
        .map((review) => review.at)
        .sort()
        .at(-1);
    if (!approvedAt)
        return false;
    const approvedTime = Date.parse(approvedAt);
    const atApproval = [...records].reverse().find((record) => Date.parse(record.at) <= approvedTime);
    const current = records.at(-1);
    return !atApproval || !sameConnections(atApproval.connections, current.connections);
}
/** `author_association`s of people the repository gave a role (branch protection counts write access). */
const APPROVERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
function sameConnections(a, b) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
/** A login as plain text: GitHub logins are letters, digits, `-` and `[bot]`; anything else is dropped. */
function plainLogin(login) {
    return login.replace(/[^A-Za-z0-9\-[\]]/g, '').slice(0, 60) || 'someone';
}

;// CONCATENATED MODULE: ./src/github/review.ts




async function lookUpReview(key, context, octokit) {
    if (context.eventName !== 'push')
        return { evidence: { kind: 'manual' }, pulls: [] };
    const unreviewed = (reason) => ({
        evidence: { kind: 'unreviewed', reason },
        pulls: [],
    });
    if (!octokit)
        return unreviewed('plan-check is strict but there is no `github-token` to find the reviewed plan.');
    const { owner, repo, sha } = context;
    const ledger = { owner, repo, key };
    try {
        const login = await (0,github_octokit/* tokenLogin */.nu)(octokit);
        const cover = await commitsToCover(octokit, ledger, sha);
        if ('refuse' in cover)
            return { ...unreviewed(cover.refuse), ...(cover.stale && { stale: true }) };
        const { commits, ask, note } = cover;
        const pulls = await mergedPullRequestsOf(octokit, {
            owner,
            repo,
            commits,
            ask,
            defaultBranch: context.defaultBranch ?? 'main',
        });
        const evidence = [];
        for (const pull of pulls)
            evidence.push(await pullRequestEvidence(octokit, { owner, repo, key, login }, pull));
        const none = pulls.length === 0
            ? ` Commit ${sha.slice(0, 7)} is not the merge of a pull request: a direct push was never reviewed.`
            : '';
        return { evidence: { kind: 'pulls', pulls: evidence, note: `${note}${none}` }, pulls };
    }
    catch (error) {
        if (!(0,github_octokit/* isGitHubError */.e0)(error))
            throw error;
        return unreviewed(`the merged pull requests could not be looked up (${(0,github_octokit/* describeGitHubError */.dZ)(error)}).`);
    }
}
/** The commits this apply covers: since the last successful apply, or this push alone (and why). */
async function commitsToCover(octokit, ledger, sha) {
    const thisPush = (why) => ({
        commits: [sha],
        ask: [sha],
        note: `${why}: this apply covers the pull request merged by this push only.`,
    });
    let found;
    try {
        found = await lastApply(octokit, ledger);
    }
    catch (error) {
        if (!(0,github_octokit/* isGitHubError */.e0)(error) || ![403, 404].includes((0,github_octokit/* githubErrorStatus */.m9)(error) ?? 0))
            throw error;
        return thisPush(`The apply ledger (deployments) could not be read (${(0,github_octokit/* describeGitHubError */.dZ)(error)}; give the workflow \`permissions: deployments: write\`)`);
    }
    if (found.kind === 'none')
        return thisPush('No earlier apply is recorded for this org and folder (first apply)');
    if (found.kind === 'unknown') {
        return {
            refuse: `none of the last ${found.seen} applies recorded for this org and folder succeeded, so what they left unapplied is unknown. Apply by hand with \`plan-hash\`: a successful apply starts the ledger again.`,
        };
    }
    // With no success yet, the oldest recorded apply's commit is still to cover: it is the range's start.
    const last = found.kind === 'applied' ? found.sha : found.since;
    const range = await commitsBetween(octokit, ledger, last, sha);
    // A re-run of an older push's apply (GitHub re-runs at the original commit): its definitions are stale.
    if (range.kind === 'not-ancestor' && range.status === 'behind' && found.kind === 'applied') {
        return {
            stale: true,
            refuse: `commit ${sha.slice(0, 7)} is older than the last applied commit ${last.slice(0, 7)} (a re-run of an earlier apply?): what it merged was applied with the newer definitions, and its own would undo later changes.`,
        };
    }
    if (range.kind === 'not-ancestor') {
        return thisPush(`The ${found.kind === 'applied' ? 'last applied' : "first recorded apply's"} commit ${last.slice(0, 7)} is not an ancestor of ${sha.slice(0, 7)} (compare: ${range.status})`);
    }
    const since = found.kind === 'applied' ? [] : [last];
    const covered = [...since, ...range.commits.filter((commit) => commit !== last)];
    const commits = covered.includes(sha) ? covered : [...covered, sha];
    const mainline = [...since, ...range.mainline.filter((commit) => commit !== last)];
    const ask = mainline.includes(sha) ? mainline : [...mainline, sha];
    const cut = range.truncated || ask.length > COMMITS_ASKED
        ? ' (the oldest commits beyond the bound were not looked at)'
        : '';
    const from = found.kind === 'applied'
        ? `since the last successful apply at ${last.slice(0, 7)}`
        : `since the first recorded apply at ${last.slice(0, 7)}, which did not succeed (no apply has yet)`;
    return { commits, ask, note: `This apply covers the ${commits.length} commit(s) ${from}${cut}.` };
}

// EXTERNAL MODULE: ./src/github/runner.ts + 19 modules
var runner = __webpack_require__(1881);
;// CONCATENATED MODULE: ./src/github/apply.ts
/**
 * `apply` in the action: find what was reviewed (the ledger and each merged pull request's record), apply
 * the reviewed changes, record the apply as a deployment, and end each merged pull request's comment in the
 * state of its own changes.
 */















async function applyInAction(run) {
    const { settings, context, ports } = run;
    const okta = (0,action_run/* requireOkta */.v)(settings, 'apply');
    const target = (0,github_plan.commentTarget)(run);
    const { octokit } = target;
    const ledger = {
        owner: context.owner,
        repo: context.repo,
        key: (0,plan/* planKey */.vH)(okta.orgUrl, settings.definitions.path),
    };
    const links = { sha: context.sha, logUrl: context.runUrl, environmentUrl: okta.orgUrl };
    let lookup = { evidence: { kind: 'manual' }, pulls: [] };
    let deployment;
    let reachedOkta = false;
    try {
        const outcome = await runApply({
            ...(await (0,github_plan.planSettingsOf)(run, okta)),
            planCheck: settings.planCheck,
            maxDeactivations: settings.maxDeactivations,
            ...(settings.planHash && { planHash: settings.planHash }),
        }, {
            ...ports,
            review: async (key) => {
                lookup = await lookUpReview(key, context, octokit);
                if (octokit && !lookup.stale) {
                    const started = await startDeployment(octokit, ledger, links);
                    if ('warning' in started)
                        (0,runner/* warning */.$e)(started.warning);
                    else
                        deployment = started;
                }
                return lookup.evidence;
            },
        });
        reachedOkta = await apply_report(run, target, outcome, lookup.pulls);
    }
    finally {
        if (deployment && octokit) {
            const state = reachedOkta ? 'success' : 'failure';
            const problem = await setDeploymentState(octokit, ledger, deployment.id, state, links);
            if (problem)
                (0,runner/* warning */.$e)(problem);
        }
    }
}
/** Reports the outcome; true when everything the apply covered reached Okta as reviewed. */
async function apply_report({ settings, context, ports }, target, outcome, pulls) {
    if (outcome.kind === 'invalid') {
        (0,report/* reportDefinitions */.d)(outcome.loaded, { problems: outcome.problems, stopped: 'apply' });
        return false;
    }
    const { plan } = outcome;
    await (0,github_plan.reportPlanBasics)(plan, context, ports.secrets);
    (0,runner/* logGroup */.QT)('Okta plan', () => ports.logger.info((0,plan_text/* renderPlanText */.$)(plan)));
    const base = {
        runUrl: context.runUrl,
        runNumber: context.runNumber,
        headSha: context.sha,
        plannedAt: new Date(),
        ...(settings.label && { label: settings.label }),
    };
    (0,outputs/* setOutputs */.n0)({ 'failure-reason': applyFailureReason(outcome) });
    if (outcome.kind === 'refused') {
        await reportRefusal(ports, target, outcome, pulls, base);
        return false;
    }
    return reportApplied(ports, target, outcome, pulls, base);
}
/** Nothing was written: the summary and each pull request's comment say why and how to apply by hand. */
async function reportRefusal(ports, target, outcome, pulls, base) {
    const { plan } = outcome;
    const notes = [`> ${outcome.reason}`, `> ${outcome.instruction}`];
    const summary = { ...base, state: 'plan-changed', notes };
    (0,runner/* appendSummary */.fe)(ports.secrets.redact((0,plan_markdown/* renderPlanMarkdown */.d)(plan, summary, limits/* SUMMARY_LIMIT */.J)));
    for (const pull of pulls) {
        await (0,publish/* publishComment */.p)(target, pull.number, plan, { ...summary, headSha: pull.headSha });
    }
    (0,runner/* setFailed */.C1)(`Nothing was applied: ${outcome.reason} ${outcome.instruction}`);
}
/**
 * What was written, per pull request: outputs, the summary, each comment's end state, and a failed step when
 * a pull request was refused, a change had no record, or a write failed.
 */
async function reportApplied(ports, target, outcome, pulls, base) {
    const { plan, decision, written, report: applyReport } = outcome;
    ports.logger.info(decision.note);
    (0,outputs/* setOutputs */.n0)({
        applied: applyReport.applied,
        failed: applyReport.failed,
        'consent-needed': applyReport.consentNeeded,
    });
    (0,runner/* logGroup */.QT)('Okta apply', () => ports.logger.info((0,plan_text/* renderApplyText */.O)(applyReport)));
    const rerun = applyByHand(plan.hash);
    const refusals = decision.pulls.filter((d) => d.outcome !== 'apply');
    const notes = [
        `> ${decision.note}`,
        ...refusals.map((d) => `> Not applied: ${d.reason ?? ''}`),
        ...(decision.unreviewed.length > 0
            ? [`> Not applied, changed by this push without a review record: ${decision.unreviewed.join(', ')}.`]
            : []),
        ...(refusals.length > 0 || decision.unreviewed.length > 0 ? [`> ${rerun}`] : []),
    ];
    const state = applyReport.failed > 0 ? 'apply-failed' : 'applied';
    const summary = { ...base, state, apply: applyReport, commitRole: 'merge', notes };
    (0,runner/* appendSummary */.fe)(ports.secrets.redact((0,plan_markdown/* renderPlanMarkdown */.d)(written, summary, limits/* SUMMARY_LIMIT */.J)));
    for (const pull of pulls) {
        const pullDecision = decision.pulls.find((d) => d.number === pull.number);
        if (!pullDecision)
            continue;
        await commentOnPullRequest(target, pull, pullDecision, plan, applyReport, {
            ...base,
            unreviewed: decision.unreviewed,
            rerun,
        });
    }
    const problems = [
        ...refusals.map((d) => d.reason ?? ''),
        ...(decision.unreviewed.length > 0
            ? [`${decision.unreviewed.join(', ')} changed without a review record and were not applied.`]
            : []),
    ];
    if (problems.length > 0) {
        (0,runner/* setFailed */.C1)(`Not everything was applied: ${problems.join(' ')} ${decision.note} ${rerun}`);
    }
    failOnFailures(applyReport);
    return problems.length === 0 && applyReport.failed === 0;
}
/** One merged pull request's comment, in the state of its own changes. */
async function commentOnPullRequest(target, pull, decision, plan, applyReport, run) {
    // The report base's head is the pushed commit; each comment names its own pull request's commit instead.
    const { headSha: pushed, unreviewed: _unreviewed, rerun: _rerun, ...shared } = run;
    const own = pull.mergeCommitSha === pushed;
    if (decision.outcome === 'apply') {
        const ids = new Set(decision.appIds);
        const results = applyReport.results.filter((result) => ids.has(result.appId));
        const ownReport = summarizeApply(results);
        await (0,publish/* publishComment */.p)(target, pull.number, restrictPlan(plan, decision.appIds), {
            state: ownReport.failed > 0 ? 'apply-failed' : 'applied',
            apply: ownReport,
            commitRole: 'merge',
            headSha: pull.mergeCommitSha,
            ...shared,
        });
        return;
    }
    const appIds = [...decision.appIds, ...(own ? run.unreviewed : [])];
    // A merged pull request that changed nothing this apply could write needs no comment.
    if (decision.outcome === 'not-reviewed' && appIds.length === 0)
        return;
    await (0,publish/* publishComment */.p)(target, pull.number, restrictPlan(plan, appIds), {
        state: 'plan-changed',
        headSha: pull.headSha,
        ...shared,
        notes: [`> Not applied: ${decision.reason ?? ''}`, `> ${run.rerun}`],
    });
}
/**
 * The one `failure-reason` of an apply: a refusal's, else a refused pull request's (the others were
 * applied), else a failed write, else the plan's own errors.
 */
function applyFailureReason(outcome) {
    if (outcome.kind === 'refused')
        return outcome.failureReason;
    if (outcome.decision.failureReason)
        return outcome.decision.failureReason;
    return outcome.report.failed > 0 ? 'apply-failed' : (0,outputs/* planFailureReason */._G)(outcome.plan);
}
function failOnFailures(applyReport) {
    if (applyReport.failed === 0)
        return;
    const names = applyReport.results.filter((r) => r.status === 'failed').map((r) => `${r.name} (${r.appId})`);
    (0,runner/* setFailed */.C1)(`${applyReport.failed} connection(s) failed to apply: ${names.join(', ')}. The others were applied.`);
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
