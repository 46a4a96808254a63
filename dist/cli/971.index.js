export const id = 971;
export const ids = [971];
export const modules = {

/***/ 5293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ isOrg2OrgOAuth),
/* harmony export */   R: () => (/* binding */ readPublicKey)
/* harmony export */ });
/** One GET (…/connections/default/jwks); a failure is part of the notice, never thrown. */
async function readPublicKey(reader, appId, clientId, redact) {
    const base = clientId === undefined ? {} : { clientId };
    try {
        return { ...base, keys: await reader.getConnectionJwks(appId) };
    }
    catch (error) {
        return { ...base, keys: [], error: redact(error instanceof Error ? error.message : String(error)) };
    }
}
function isOrg2OrgOAuth(appKind, authScheme) {
    return appKind === 'okta_org2org' && authScheme === 'OAUTH2';
}


/***/ }),

/***/ 3971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runApply: () => (/* binding */ runApply)
});

// EXTERNAL MODULE: ./src/definitions/env.ts
var definitions_env = __webpack_require__(205);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/okta/errors.ts
var errors = __webpack_require__(2282);
// EXTERNAL MODULE: ./src/definitions/features.ts
var features = __webpack_require__(9995);
// EXTERNAL MODULE: ./src/okta/features.ts
var okta_features = __webpack_require__(4810);
// EXTERNAL MODULE: ./src/plan/features.ts
var plan_features = __webpack_require__(2412);
;// CONCATENATED MODULE: ./src/apply/features.ts



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
    const changes = planned.features ?? [];
    const declared = connection.features ?? {};
    for (const name of okta_features/* FEATURE_NAMES */.K7) {
        const mine = changes.filter((change) => (0,features/* featureSetting */.Xm)(change.field)?.feature === name);
        if (mine.length === 0)
            continue;
        let answer;
        try {
            answer = await writer.updateFeature(planned.appId, name, featureRequest(name, mine, declared));
        }
        catch (error) {
            const described = describeError(error);
            return {
                ...result,
                status: 'failed',
                error: {
                    ...described,
                    message: `updating its provisioning features (${name}) failed: ${described.message}`,
                },
            };
        }
        const mismatches = confirmFeature(answer, mine, declared);
        if (mismatches.length > 0) {
            return {
                ...result,
                status: 'failed',
                mismatches,
                error: {
                    code: 'not-confirmed',
                    message: `Okta does not show the desired ${name} settings after the change.`,
                },
            };
        }
    }
    const done = [...result.done, 'update-features'];
    logger.info(`${planned.name} (${planned.appId}): ${done.join(' + ')} done`);
    return { ...result, done };
}
/**
 * The PUT body of one feature: its changed settings only, plus what Okta's request schema requires beside
 * them (INBOUND_PROVISIONING: both `importSettings` and `importRules`, empty when unchanged; a username's
 * `usernameFormat`; a schedule's `expression`). The definition rules guarantee those are declared.
 */
function featureRequest(name, changes, declared) {
    const body = name === 'INBOUND_PROVISIONING' ? { importSettings: {}, importRules: {} } : {};
    const put = (path) => {
        const setting = (0,features/* featureSetting */.Xm)(path);
        const value = declared[path];
        if (!setting || setting.feature !== name || value === undefined)
            return;
        let node = body;
        for (const key of setting.api.slice(0, -1))
            node = (node[key] ??= {});
        node[setting.api.at(-1)] = setting.type.kind === 'switch' ? (value ? 'ENABLED' : 'DISABLED') : value;
    };
    for (const change of changes)
        put(change.field);
    const importSettings = body.importSettings;
    if (importSettings?.username)
        put('to_okta.username_format');
    const schedule = importSettings?.schedule;
    if (schedule?.fullImport)
        put('to_okta.schedule.full_import.cron');
    if (schedule?.incrementalImport)
        put('to_okta.schedule.incremental_import.cron');
    return body;
}
/** Changed settings whose value in Okta's answer is not the declared one (before = found, after = wanted). */
function confirmFeature(answer, changes, declared) {
    const found = (0,plan_features/* featureValues */.ru)([answer]);
    return changes.flatMap((change) => {
        const wanted = declared[change.field];
        const now = found[change.field];
        if (wanted === undefined || now === wanted)
            return [];
        return [
            {
                field: change.field,
                before: now === undefined ? null : (0,features/* showFeatureValue */.XC)(now),
                after: (0,features/* showFeatureValue */.XC)(wanted),
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

// EXTERNAL MODULE: ./src/apply/public-key.ts
var public_key = __webpack_require__(5293);
;// CONCATENATED MODULE: ./src/apply/request.ts
/**
 * The POST body for a configure: exactly the OpenAPI request schema, with only the parts the app uses.
 * OAuth connections get no baseUrl. Org2Org OAuth gets `signing.rotationMode` only when the definition sets
 * it or the live connection has one (kept, since Okta turns an omitted one into MANUAL): Okta's spec marks
 * `signing` as not generally available, and an org whose edition lacks it refuses it.
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
            ...(appKind === 'okta_org2org' && rotationMode && { signing: { rotationMode } }),
            ...(secrets.adminPassword !== undefined && {
                settings: { adminUsername: secrets.adminUsername ?? '', adminPassword: secrets.adminPassword },
            }),
        },
    };
}

;// CONCATENATED MODULE: ./src/apply/apply.ts







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
    const done = [];
    const result = (status, extra = {}) => ({
        appId: planned.appId,
        name: planned.name,
        status,
        done,
        ...extra,
    });
    const consentNeeded = (consentUrl) => {
        logger.info(`${planned.name} (${planned.appId}): waiting for an admin to grant consent in Okta`);
        return result('consent-needed', { consentUrl });
    };
    let body;
    if (planned.operations.includes('configure')) {
        const read = (0,definitions_env/* readSecretValues */.xL)(connection, env, secrets);
        if ('missing' in read) {
            return result('failed', {
                error: {
                    code: 'missing-secret',
                    message: `environment variable ${read.missing.join(', ')} is not set, so nothing was written to this connection; pass the secret to the action step through \`env:\`.`,
                },
            });
        }
        body = connectionRequest(connection, planned.appKind, read.values, liveConnection(planned));
    }
    // Okta's latest answer that shows the connection; undefined after a lifecycle call (its answer is empty).
    let latest;
    try {
        const pending = [...planned.operations];
        while (pending.length > 0) {
            const operation = pending.shift();
            if (operation === 'configure') {
                // configure + activate in one request (`?activate=true`) saves a call in the small bucket. It is also
                // sent when the connection is enabled already, so that a configure never leaves it disabled. Consent
                // apps are configured without it, as Okta's guide says: activation waits for consent.
                const activate = !planned.consentApp && (pending[0] === 'activate' || planned.desired?.status === 'ENABLED');
                try {
                    latest = await writer.updateConnection(planned.appId, body, { activate });
                }
                catch (error) {
                    return result('failed', { error: configureError(error, planned, connection, secrets) });
                }
                done.push('configure');
                if (activate && pending[0] === 'activate')
                    done.push(pending.shift());
                logger.info(`${planned.name} (${planned.appId}): ${done.join(' + ')} done`);
                // Okta answers DISABLED with the authorize link: a person must consent before activation can take.
                const consentUrl = awaitingConsent(planned, latest);
                if (consentUrl && pending[0] === 'activate')
                    return consentNeeded(consentUrl);
            }
            else {
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
                            return consentNeeded(consentUrl);
                    }
                    throw error;
                }
                latest = undefined;
                done.push(operation);
                logger.info(`${planned.name} (${planned.appId}): ${done.join(' + ')} done`);
            }
        }
    }
    catch (error) {
        return result('failed', { error: describeError(error, secrets) });
    }
    if (!latest) {
        try {
            latest = await writer.getConnection(planned.appId);
        }
        catch (error) {
            const described = describeError(error, secrets);
            return result('failed', {
                error: { ...described, message: `written, but the re-read failed: ${described.message}` },
            });
        }
    }
    const mismatches = apply_confirm(planned, latest);
    // An activation that left a consent app disabled, with the authorize link: the other possibility.
    const consentUrl = awaitingConsent(planned, latest);
    if (consentUrl && mismatches.every((mismatch) => mismatch.field === 'status'))
        return consentNeeded(consentUrl);
    if (mismatches.length > 0) {
        return result('failed', {
            mismatches,
            error: { code: 'not-confirmed', message: 'Okta does not show the desired state after the change.' },
        });
    }
    if (done.includes('configure') && (0,public_key/* isOrg2OrgOAuth */.Q)(planned.appKind, planned.desired?.authScheme)) {
        const publicKey = await (0,public_key/* readPublicKey */.R)(writer, planned.appId, planned.desired?.clientId, (text) => secrets.redact(text));
        return result('applied', { publicKey });
    }
    return result('applied');
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
    const refused = error instanceof errors/* OktaApiError */.Iy &&
        error.status === 400 &&
        planned.appKind === 'okta_org2org' &&
        connection.rotationMode !== undefined &&
        /signing|rotationMode/i.test([error.errorSummary ?? '', ...error.causes].join(' '));
    if (!refused)
        return described;
    const at = connection.definition.fields['profile.signing'] ?? connection.definition.source;
    return {
        code: 'signing-not-available',
        message: `Okta refused \`signing.rotation_mode\`: this org's edition does not offer signing key rotation for Org2Org connections. Remove \`signing\` from the definition (${at.file}:${at.line}) and apply again. ${described.message}`,
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

// EXTERNAL MODULE: ./src/run/okta.ts + 11 modules
var okta = __webpack_require__(1823);
// EXTERNAL MODULE: ./src/run/redact.ts
var redact = __webpack_require__(8552);
// EXTERNAL MODULE: ./src/run/plan.ts + 9 modules
var run_plan = __webpack_require__(4463);
;// CONCATENATED MODULE: ./src/run/review.ts
/**
 * In order: an empty change set always applies; more deactivations than allowed never do (each stops
 * provisioning for every user assigned to the app); then `plan-hash`, `plan-check: off`, the review.
 */
function decideApply(plan, rules, evidence) {
    const rerun = `Review the new plan (job summary), then run this workflow by hand with \`command: apply\` and \`plan-hash: ${plan.hash}\`.`;
    if (!plan.changes && plan.counts.errors === 0) {
        return { apply: true, note: 'The plan has no changes: nothing to apply.' };
    }
    if (plan.counts.toDeactivate > rules.maxDeactivations) {
        return {
            apply: false,
            reason: `the plan deactivates ${plan.counts.toDeactivate} connections, more than \`max-deactivations\` (${rules.maxDeactivations}) allows; deactivating a connection stops provisioning for every user assigned to its app.`,
            instruction: `If that is intended, raise \`max-deactivations\` to ${plan.counts.toDeactivate} for one run (with \`plan-hash: ${plan.hash}\`).`,
        };
    }
    if (rules.planHash !== undefined) {
        return rules.planHash === plan.hash
            ? { apply: true, note: `plan-hash ${plan.hash} matches the fresh plan.` }
            : {
                apply: false,
                reason: `the fresh plan's hash ${plan.hash} is not the given plan-hash ${rules.planHash}: Okta or the definitions changed since that plan was made.`,
                instruction: rerun,
            };
    }
    if (rules.planCheck === 'off') {
        return { apply: true, note: 'plan-check is off: applying what the definitions say.' };
    }
    switch (evidence.kind) {
        case 'manual':
            return {
                apply: false,
                reason: 'plan-check is strict and no plan-hash was given, so there is no reviewed plan to compare with.',
                instruction: rerun,
            };
        case 'unreviewed':
            return { apply: false, reason: evidence.reason, instruction: rerun };
        case 'reviewed':
            return evidence.hash === plan.hash
                ? {
                    apply: true,
                    note: `The plan matches the one reviewed on pull request #${evidence.pullRequest} (${plan.hash}).`,
                }
                : {
                    apply: false,
                    reason: `the plan changed since it was reviewed on pull request #${evidence.pullRequest} (reviewed ${evidence.hash || 'no valid plan'}, now ${plan.hash}): Okta or the definitions changed in between.`,
                    instruction: rerun,
                };
    }
}

// EXTERNAL MODULE: ./src/run/validate.ts
var validate = __webpack_require__(7275);
;// CONCATENATED MODULE: ./src/run/apply.ts






/**
 * `apply`: plan with a client that may write, decide whether this plan may be applied, then apply it and
 * confirm. A refusal writes nothing.
 */
async function runApply(settings, ports) {
    const prepared = await (0,validate/* prepareDefinitions */.U)(settings, ports);
    if (!prepared.ok)
        return { kind: 'invalid', loaded: prepared.loaded, problems: prepared.problems };
    const client = (0,okta/* openOkta */.O)(settings.okta, 'write', ports);
    try {
        const plan = await (0,run_plan/* makePlan */.C)(client, settings, prepared.connections, prepared.loaded, ports);
        ports.progress?.end();
        const evidence = plan.changes || plan.counts.errors > 0 ? await ports.review(plan) : undefined;
        const decision = decideApply(plan, settings, evidence ?? { kind: 'manual' });
        const shown = (0,redact/* redactedCopy */.m)(ports.secrets, plan);
        if (!decision.apply)
            return { kind: 'refused', plan: shown, ...decision, ...(evidence && { evidence }) };
        const report = await applyPlan(client, plan, prepared.connections, {
            env: ports.env,
            secrets: ports.secrets,
            logger: ports.logger,
            ...(ports.progress && { progress: ports.progress.step('applied') }),
        });
        ports.progress?.end();
        return {
            kind: 'applied',
            plan: shown,
            report: (0,redact/* redactedCopy */.m)(ports.secrets, report),
            note: decision.note,
            ...(evidence && { evidence }),
        };
    }
    finally {
        await client.close();
    }
}


/***/ })

};
