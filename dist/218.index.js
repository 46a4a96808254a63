export const id = 218;
export const ids = [218];
export const modules = {

/***/ 2081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ requireOkta)
/* harmony export */ });
/* harmony import */ var _run_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9018);

/** The org and its credentials, which every command but validate needs. */
function requireOkta(settings, command) {
    if (!settings.okta) {
        throw new _run_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .SettingsError */ .GN(`\`${command}\` needs \`okta-org-url\` and one Okta auth method (\`okta-api-token\`, or \`okta-client-id\` with \`okta-private-key\`).`);
    }
    return settings.okta;
}


/***/ }),

/***/ 8164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ax: () => (/* binding */ APP_KINDS),
  wP: () => (/* binding */ appKindLabel),
  PM: () => (/* binding */ appKindOf),
  $$: () => (/* binding */ hasPublicKey),
  $r: () => (/* binding */ namesOfKindsWith)
});

;// CONCATENATED MODULE: ./src/kinds/kind.ts
/** Both directions of provisioning: "To App" and "To Okta". */
const TO_APP_AND_TO_OKTA = ['USER_PROVISIONING', 'INBOUND_PROVISIONING'];

;// CONCATENATED MODULE: ./src/kinds/google.ts

/** Google Workspace: OAuth with a person's consent. */
const google = {
    name: 'google',
    label: 'Google Workspace',
    shortName: 'Google Workspace',
    schemes: ['OAUTH2'],
    consent: true,
    signing: false,
    offers: TO_APP_AND_TO_OKTA,
};

;// CONCATENATED MODULE: ./src/kinds/office365.ts

/** Microsoft Office 365: OAuth with a person's consent, plus a global administrator's credentials. */
const office365 = {
    name: 'office365',
    label: 'Microsoft Office 365',
    shortName: 'Office 365',
    schemes: ['OAUTH2'],
    consent: true,
    signing: false,
    offers: TO_APP_AND_TO_OKTA,
    adminCredentials: {
        missing: 'Office 365 needs `profile.settings` with `admin_username` and `admin_password: { env: NAME }` (a global administrator).',
        usernameVariable: 'the username of an Office 365 global administrator',
        passwordVariable: "that administrator's password",
    },
};

;// CONCATENATED MODULE: ./src/kinds/org2org.ts

/** Okta Org2Org: a hub org provisions into a spoke org, with a token or as the hub's OAuth service app. */
const org2org = {
    name: 'okta_org2org',
    label: 'Okta Org2Org',
    shortName: 'Org2Org',
    schemes: ['TOKEN', 'OAUTH2'],
    consent: false,
    offers: TO_APP_AND_TO_OKTA,
    clientId: {
        missing: "Org2Org over OAUTH2 needs `profile.client_id`: the client id of the hub org's OAuth 2.0 service app that Okta created for this connection.",
        notReturned: 'Okta did not return the client id of this Org2Org connection.',
    },
    signing: true,
};

;// CONCATENATED MODULE: ./src/kinds/slack.ts

/** Slack: OAuth with a person's consent. */
const slack = {
    name: 'slack',
    label: 'Slack',
    shortName: 'Slack',
    schemes: ['OAUTH2'],
    consent: true,
    signing: false,
    offers: TO_APP_AND_TO_OKTA,
};

;// CONCATENATED MODULE: ./src/kinds/zoom.ts

/** Zoom: OAuth with a person's consent. */
const zoom = {
    name: 'zoomus',
    label: 'Zoom',
    shortName: 'Zoom',
    schemes: ['OAUTH2'],
    consent: true,
    signing: false,
    offers: TO_APP_AND_TO_OKTA,
};

;// CONCATENATED MODULE: ./src/kinds/zscaler.ts
/** Zscaler 2.0: a SCIM token; it only receives users (no "To Okta"). */
const zscaler = {
    name: 'zscalerbyz',
    label: 'Zscaler 2.0',
    shortName: 'Zscaler',
    schemes: ['TOKEN'],
    consent: false,
    signing: false,
    offers: ['USER_PROVISIONING'],
};

;// CONCATENATED MODULE: ./src/kinds/index.ts
/**
 * The app kinds whose default provisioning connection Okta's API manages (Okta's provisioning-connection
 * guide and its API reference). A kind not listed here has no connection the action can manage.
 */






const APP_KINDS = [org2org, zscaler, office365, google, slack, zoom];
const BY_NAME = new Map(APP_KINDS.map((kind) => [kind.name, kind]));
function appKindOf(name) {
    return name === undefined ? undefined : BY_NAME.get(name);
}
/** A kind's label for people, or Okta's name for an app of a kind this project does not know. */
function appKindLabel(name) {
    return BY_NAME.get(name)?.label ?? name;
}
/** The short names of the kinds that have a part, for "… is for X apps only". */
function namesOfKindsWith(has) {
    return APP_KINDS.filter(has)
        .map((kind) => kind.shortName)
        .join(' or ');
}
/** An OAUTH2 connection of a kind with a signing key has a public key the other side must trust. */
function hasPublicKey(name, authScheme) {
    return appKindOf(name)?.signing === true && authScheme === 'OAUTH2';
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
const silentLogger = {
    debug: () => { },
    info: () => { },
    warning: () => { },
    error: () => { },
};


/***/ }),

/***/ 1620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ parseAppList),
/* harmony export */   _m: () => (/* binding */ UnexpectedBodyError),
/* harmony export */   dp: () => (/* binding */ parseApp),
/* harmony export */   eB: () => (/* binding */ asObject),
/* harmony export */   kW: () => (/* binding */ parseErrorBody),
/* harmony export */   oJ: () => (/* binding */ asString),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
function asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function asString(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function oneOf(value, allowed) {
    return allowed.find((candidate) => candidate === value);
}
/** Thrown by the parsers when an answer is not even the right kind of JSON value. */
class UnexpectedBodyError extends Error {
}
function parseApp(body) {
    const app = asObject(body);
    const id = asString(app?.id);
    if (!app || !id)
        throw new UnexpectedBodyError('expected an app object with an id');
    return {
        id,
        name: asString(app.name) ?? 'UNKNOWN',
        label: asString(app.label) ?? '',
        status: asString(app.status) ?? 'UNKNOWN',
    };
}
function parseAppList(body) {
    if (!Array.isArray(body))
        throw new UnexpectedBodyError('expected a JSON array of apps');
    return body.map(parseApp);
}
function parseErrorBody(body) {
    const error = asObject(body);
    if (!error)
        return { causes: [] };
    const causes = Array.isArray(error.errorCauses)
        ? error.errorCauses.flatMap((cause) => asString(asObject(cause)?.errorSummary) ?? [])
        : [];
    return {
        errorCode: asString(error.errorCode) ?? asString(error.error),
        errorSummary: asString(error.errorSummary) ?? asString(error.error_description),
        causes,
    };
}


/***/ }),

/***/ 8582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ awaitsConsent),
/* harmony export */   R: () => (/* binding */ countPlan)
/* harmony export */ });
/** A consent app being configured: apply stops there until an admin grants consent in Okta. */
function awaitsConsent(connection) {
    return (connection.consentApp &&
        connection.operations.includes('configure') &&
        connection.desired?.status !== 'DISABLED');
}
function countPlan(connections) {
    const has = (operation) => connections.filter((c) => c.operations.includes(operation)).length;
    return {
        total: connections.length,
        toConfigure: has('configure'),
        toActivate: connections.filter((c) => c.operations.includes('activate') && !awaitsConsent(c)).length,
        toConsent: connections.filter(awaitsConsent).length,
        toDeactivate: has('deactivate'),
        toUpdateFeatures: has('update-features'),
        unchanged: connections.filter((c) => !c.error && c.operations.length === 0).length,
        errors: connections.filter((c) => c.error).length,
    };
}


/***/ }),

/***/ 5933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   _K: () => (/* binding */ isDrift),
/* harmony export */   vK: () => (/* binding */ changeLine)
/* harmony export */ });
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
const DRIFT_TEXT = 'changed in Okta outside this repository';
function isDrift(change) {
    return change.origin === 'drift';
}
/**
 * `field: before → after`, then what the resource adds (`suffix`). Only drift is marked (`markDrift`): most
 * changes come from the pull request, and marking those too would bury the few that someone made in Okta.
 */
function changeLine(change, quote, markDrift, suffix = '') {
    const origin = markDrift && isDrift(change) ? ` · ${DRIFT_TEXT}` : '';
    return `${change.field}: ${change.before === null ? 'not set' : quote(change.before)} → ${change.after === null ? 'not set' : quote(change.after)}${suffix}${origin}`;
}


/***/ }),

/***/ 9768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ consentNote),
/* harmony export */   EL: () => (/* binding */ outcomeText),
/* harmony export */   M7: () => (/* binding */ operationsText),
/* harmony export */   Tb: () => (/* binding */ publicKeyBlockMarkdown),
/* harmony export */   V: () => (/* binding */ writeOnlyText),
/* harmony export */   ks: () => (/* binding */ doneText),
/* harmony export */   pW: () => (/* binding */ rotationSkippedNote),
/* harmony export */   pr: () => (/* binding */ driftDeactivationHeadline),
/* harmony export */   q3: () => (/* binding */ deactivationHeadline),
/* harmony export */   qI: () => (/* binding */ fieldChangeText),
/* harmony export */   qT: () => (/* binding */ publicKeyLines),
/* harmony export */   r9: () => (/* binding */ stateText),
/* harmony export */   uX: () => (/* binding */ publicKeyCellMarkdown)
/* harmony export */ });
/* harmony import */ var _plan_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8582);
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2495);
/* harmony import */ var _render_words_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5933);
/* harmony import */ var _features_render_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9389);




/**
 * How the connection reads in plans, apply results and the export report: its fields, operations, write-only
 * values, consent and public key. src/render/ (and src/export/report.ts) lay these out.
 */
/** `field: before → after`; a consent app's activation waits for consent. */
function fieldChangeText(change, quote, connection, markDrift = true) {
    const consent = change.field === 'status' && change.after === 'ENABLED' && (0,_plan_model_js__WEBPACK_IMPORTED_MODULE_0__/* .awaitsConsent */ .C)(connection)
        ? ' once an admin grants consent'
        : '';
    return (0,_render_words_js__WEBPACK_IMPORTED_MODULE_1__/* .changeLine */ .vK)(change, quote, markDrift, consent);
}
/** Okta's state of a connection: `status ENABLED, auth_scheme TOKEN, base_url …`. */
function stateText(state, quote) {
    return `status ${quote(state.status)}, auth_scheme ${quote(state.authScheme)}${state.baseUrl ? `, base_url ${quote(state.baseUrl)}` : ''}${state.clientId ? `, client_id ${quote(state.clientId)}` : ''}${state.rotationMode ? `, rotation_mode ${quote(state.rotationMode)}` : ''}`;
}
/** A write-only value as the plan announces it or, once apply ran, whether it was `set`. */
function writeOnlyText(value, set) {
    if (set === false)
        return `${value.field}: not set`;
    if (set)
        return `${value.field}: set${value.env ? ` (from ${value.env})` : ''}`;
    const source = value.env ? ` (from ${value.env}${value.present ? '' : ', not set in this run'})` : '';
    // Okta never returns these: shown as set, never by value (admin_username is no secret, only write-only).
    return `${value.field}: ${value.field === 'admin_username' ? 'write-only' : 'sensitive'}, will be set${source}`;
}
const PAST = {
    configure: 'configured',
    activate: 'activated',
    deactivate: 'deactivated',
    'update-features': _features_render_js__WEBPACK_IMPORTED_MODULE_2__/* .FEATURES_UPDATED */ .Ol,
};
/** What apply did: `configured + activated`. */
function doneText(operations) {
    return operations.map((operation) => PAST[operation] ?? operation).join(' + ');
}
/** Said above everything else: a deactivation stops provisioning for every user assigned to the app. */
function deactivationHeadline(count, done) {
    const verb = done ? (count === 1 ? 'was' : 'were') : 'will be';
    const stops = done ? 'stopped' : 'stops';
    return `${(0,_render_words_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(count, 'connection')} ${verb} deactivated: provisioning ${stops} for every user assigned to ${count === 1 ? 'its app' : 'their apps'}`;
}
/** On the drift issue: no merge is coming, so nothing "will be" deactivated; say what differs instead. */
function driftDeactivationHeadline(count) {
    return `${(0,_render_words_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(count, 'connection')} ${count === 1 ? 'is' : 'are'} active in Okta but deactivated in the definitions: an apply would stop provisioning for every user assigned to ${count === 1 ? 'its app' : 'their apps'}`;
}
function operationsText(connection) {
    if (connection.error)
        return 'error';
    if (connection.operations.length === 0)
        return 'no change';
    const rotation = connection.rotation ? ' (secret rotation)' : '';
    if ((0,_plan_model_js__WEBPACK_IMPORTED_MODULE_0__/* .awaitsConsent */ .C)(connection)) {
        // Apply stops after the configure; the activation (and the rest) happen on the first apply after consent.
        const later = connection.operations.filter((operation) => !['configure', 'activate'].includes(operation));
        return `configure, then consent${rotation}${later.length > 0 ? ` (${later.join(' + ')} after it)` : ''}`;
    }
    return connection.operations.join(' + ') + rotation;
}
/**
 * The operations as planned or, given its apply `result`, as carried out (`configured + activated`,
 * `configured, then failed`).
 */
function outcomeText(connection, result) {
    if (!result || connection.error)
        return operationsText(connection);
    if (result.status === 'applied' || result.status === 'consent-needed')
        return doneText(result.done) + (connection.rotation ? ' (secret rotated)' : '');
    if (result.status === 'failed')
        return result.done.length > 0
            ? `${doneText(result.done)}, then failed`
            : `${operationsText(connection)}: failed`;
    return operationsText(connection);
}
/** What the admin must do for a consent app that apply configures. */
function consentNote(connection) {
    return (0,_plan_model_js__WEBPACK_IMPORTED_MODULE_0__/* .awaitsConsent */ .C)(connection)
        ? "apply configures it and leaves it disabled: an Okta admin must then grant consent (the apply result links Okta's consent page; or the app's Provisioning tab in the Admin Console), and the next apply activates it"
        : undefined;
}
const SKIPPED_NAMES_SHOWN = 20;
/** `rotate-secrets` asked for connections that hold no secret: they are left alone, and the plan says which. */
function rotationSkippedNote(plan, { quote, text }) {
    const skipped = plan.rotationSkipped ?? [];
    if (skipped.length === 0)
        return undefined;
    const names = skipped
        .slice(0, SKIPPED_NAMES_SHOWN)
        .map(({ name, appId }) => `${text(name)} (${quote(appId)})`)
        .join(', ');
    const more = skipped.length > SKIPPED_NAMES_SHOWN ? ` and ${skipped.length - SKIPPED_NAMES_SHOWN} more` : '';
    return `rotate-secrets left ${(0,_render_words_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(skipped.length, 'connection')} alone, with no secret (token, admin_password) to rotate: ${names}${more}.`;
}
/**
 * An Org2Org OAuth connection's public key and the one thing to do with it (apply result, export report): with
 * `rotation_mode: AUTO` the JWKS URL to configure in the target org (Okta rotates the key); with MANUAL the key,
 * with what a rotation needs.
 */
function publicKeyLines(notice, { quote, text }) {
    const app = notice.clientId ? `the service app ${quote(notice.clientId)}` : 'the service app';
    const current = notice.keys.map((key) => `kid ${quote(key.kid ?? '(none)')}: ${quote(JSON.stringify(key.jwk))}`);
    if (notice.rotationMode === 'AUTO') {
        return [
            `Okta rotates this connection's signing key (rotation_mode AUTO): give ${app} in the target org the JWKS URL ${quote(notice.jwksUrl)} (its jwks_uri), not a copy of the key, which stops working at the first rotation.`,
            ...(notice.error
                ? [`current key: could not be read (${text(notice.error)})`]
                : current.map((key) => `current key: ${key}`)),
        ];
    }
    if (notice.error)
        return [
            `public key: could not be read (${text(notice.error)}); Okta serves it at ${quote(notice.jwksUrl)}`,
        ];
    if (notice.keys.length === 0)
        return ['public key: Okta returned none for this connection'];
    return [
        `register this public key with ${app} in the target org (its Public keys), so that org accepts this connection:`,
        ...current,
        `rotation_mode MANUAL: the key changes only when it is rotated; then register the new key before removing this one (the JWKS URL ${quote(notice.jwksUrl)} always shows the current keys).`,
    ];
}
const MARKDOWN = { quote: _render_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY, text: _render_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV };
/** Keys are too long for a markdown table cell: those read go in a block under the table. */
function hasKeyBlock(notice) {
    return !notice.error && notice.keys.length > 0;
}
/** The apply result's table cell about the public key: where to find it, or why there is none. */
function publicKeyCellMarkdown(notice) {
    if (!notice)
        return [];
    if (!hasKeyBlock(notice))
        return publicKeyLines(notice, MARKDOWN);
    return [
        notice.rotationMode === 'AUTO'
            ? 'JWKS URL to configure: see below the table'
            : 'public key to register: see below the table',
    ];
}
/** The block under the apply results' table: each key ready to copy. */
function publicKeyBlockMarkdown(result) {
    const notice = result.publicKey;
    if (!notice || !hasKeyBlock(notice))
        return [];
    const lines = publicKeyLines(notice, MARKDOWN);
    const auto = notice.rotationMode === 'AUTO';
    return [
        `**${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(result.name)}** ${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(result.appId)}: ${lines[0]}`,
        '',
        ...notice.keys.flatMap((key) => [
            `${auto ? 'current key: ' : ''}kid ${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(key.kid ?? '(none)')}:`,
            '',
            (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .codeBlock */ .DV)(JSON.stringify(key.jwk, null, 2), 'json'),
            '',
        ]),
        // MANUAL: what a rotation needs (the last line of the notice).
        ...(auto ? [] : [lines[lines.length - 1], '']),
    ];
}


/***/ }),

/***/ 6178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UE: () => (/* binding */ withFeatureChanges),
/* harmony export */   ru: () => (/* binding */ featureValues),
/* harmony export */   wh: () => (/* binding */ readLiveFeatures)
/* harmony export */ });
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5390);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7521);
/* harmony import */ var _kinds_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8164);



/**
 * What a freshly connected app has (Okta's list example and schema defaults): every switch off, passwords
 * random and kept, usernames by email, exact matches by email, no import schedule.
 */
const OKTA_DEFAULTS = {
    'to_app.create_users': false,
    'to_app.update_user_attributes': false,
    'to_app.deactivate_users': false,
    'to_app.sync_password.enabled': false,
    'to_app.sync_password.seed': 'RANDOM',
    'to_app.sync_password.change': 'KEEP_EXISTING',
    'to_okta.username_format': 'EMAIL',
    'to_okta.schedule.enabled': false,
    'to_okta.match.exact_match_criteria': 'EMAIL',
    'to_okta.match.allow_partial_match': false,
    'to_okta.match.auto_confirm_partial_match': false,
    'to_okta.match.auto_confirm_exact_match': false,
    'to_okta.match.auto_confirm_new_users': false,
    'to_okta.match.auto_activate_new_users': false,
};
/** The definition's values of Okta's features, every setting the catalog knows that Okta has. */
function featureValues(features) {
    const values = {};
    for (const setting of _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .FEATURE_SETTINGS */ .bK) {
        const capabilities = features.find((feature) => feature.name === setting.feature)?.capabilities;
        let node = capabilities;
        for (const key of setting.api)
            node = node?.[key];
        const value = fromApi(setting.type.kind, node);
        if (value !== undefined)
            values[setting.path] = value;
    }
    return values;
}
function fromApi(kind, value) {
    if (kind === 'switch')
        return value === 'ENABLED' ? true : value === 'DISABLED' ? false : undefined;
    if (kind === 'boolean')
        return typeof value === 'boolean' ? value : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/**
 * Reads the features of a connection that declares some and is to be active; nothing for the others (no
 * request). A connection not set up, or one Okta says has no provisioning enabled yet, gets Okta's defaults
 * for a fresh connection.
 */
async function readLiveFeatures(reader, connection, app, live) {
    // Features exist at Okta only while provisioning is enabled: a connection to deactivate has none to write
    // (the definitions warn about it).
    if (!connection.features || connection.action === 'deactivate')
        return undefined;
    const defaults = {
        offered: (0,_kinds_index_js__WEBPACK_IMPORTED_MODULE_2__/* .appKindOf */ .PM)(app.name)?.offers ?? [],
        values: OKTA_DEFAULTS,
        source: 'defaults',
    };
    if (live.status === 'UNKNOWN' || live.authScheme === 'UNKNOWN')
        return defaults;
    try {
        const features = await reader.listFeatures(connection.id);
        return {
            offered: features.map((feature) => feature.name),
            values: featureValues(features),
            source: 'okta',
        };
    }
    catch (error) {
        if ((0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .isProvisioningNotEnabled */ .aj)(error))
            return defaults;
        throw error;
    }
}
/**
 * Adds the declared settings that differ from Okta's to a compared connection, and `update-features` to its
 * operations; a declared feature the app does not offer makes it an error. Only declared settings count.
 */
function withFeatureChanges(plan, connection, app, live) {
    if (plan.error || !live || !connection.features)
        return plan;
    const missing = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .declaredFeatureNames */ .XD)(connection.features).filter((name) => !live.offered.includes(name));
    if (missing.length > 0)
        return { ...plan, operations: [], error: notOffered(connection, app, missing[0]) };
    const features = [];
    for (const setting of _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .FEATURE_SETTINGS */ .bK) {
        const after = connection.features[setting.path];
        const before = live.values[setting.path];
        if (after === undefined || before === after)
            continue;
        features.push({
            field: setting.path,
            before: before === undefined ? null : (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .showFeatureValue */ .XC)(before),
            after: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .showFeatureValue */ .XC)(after),
        });
    }
    if (features.length === 0)
        return plan;
    return { ...plan, operations: [...plan.operations, 'update-features'], features };
}
function notOffered(connection, app, name) {
    const block = _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .FEATURE_BLOCKS */ .YL[name];
    const kind = (0,_kinds_index_js__WEBPACK_IMPORTED_MODULE_2__/* .appKindLabel */ .wP)(app.name);
    const tab = block === 'to_app' ? 'To App' : 'To Okta';
    return {
        code: 'feature-not-offered',
        at: connection.definition.fields[block] ?? connection.definition.source,
        message: `app "${app.label}" (${kind}) does not offer "${tab}" provisioning (${name}); remove \`${block}\` from this definition.`,
    };
}


/***/ }),

/***/ 7521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wf: () => (/* binding */ parseFeature),
/* harmony export */   aj: () => (/* binding */ isProvisioningNotEnabled),
/* harmony export */   gY: () => (/* binding */ parseFeatureList)
/* harmony export */ });
/* harmony import */ var _okta_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2282);
/* harmony import */ var _okta_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1620);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5390);
/**
 * Okta's Application Features API (sim/contract/app-features.openapi.yaml): the provisioning features of an
 * app, "To App" (USER_PROVISIONING) and "To Okta" (INBOUND_PROVISIONING). Parsed leniently like the rest.
 */



/** Only JSON objects, strings and booleans are kept: the settings this project reads are nothing else. */
function capabilitiesOf(value) {
    const object = (0,_okta_types_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(value);
    if (!object)
        return {};
    const out = {};
    for (const [key, inner] of Object.entries(object)) {
        if (typeof inner === 'string' || typeof inner === 'boolean')
            out[key] = inner;
        else if ((0,_okta_types_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(inner))
            out[key] = capabilitiesOf(inner);
    }
    return out;
}
function parseFeature(body) {
    const feature = (0,_okta_types_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(body);
    const name = _schema_js__WEBPACK_IMPORTED_MODULE_1__/* .FEATURE_NAMES */ .K7.find((known) => known === feature?.name);
    if (!feature || !name)
        throw new _okta_types_js__WEBPACK_IMPORTED_MODULE_2__/* .UnexpectedBodyError */ ._m('expected a feature object named USER_PROVISIONING or INBOUND_PROVISIONING');
    const capabilities = capabilitiesOf(feature.capabilities);
    // Real Okta answers `userNameFormat`; one schema of the spec says `usernameFormat`: read either.
    const username = (0,_okta_types_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)((0,_okta_types_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(capabilities.importSettings)?.username);
    if (username && username.userNameFormat === undefined && username.usernameFormat !== undefined) {
        username.userNameFormat = username.usernameFormat;
    }
    if (username)
        delete username.usernameFormat;
    const status = feature.status === 'ENABLED' || feature.status === 'DISABLED' ? feature.status : 'UNKNOWN';
    return { name, status, capabilities };
}
/** The app's features; names this project does not know (Okta may add some) are left out. */
function parseFeatureList(body) {
    if (!Array.isArray(body))
        throw new _okta_types_js__WEBPACK_IMPORTED_MODULE_2__/* .UnexpectedBodyError */ ._m('expected a JSON array of features');
    return body.filter((item) => _schema_js__WEBPACK_IMPORTED_MODULE_1__/* .FEATURE_NAMES */ .K7.includes((0,_okta_types_js__WEBPACK_IMPORTED_MODULE_2__/* .asObject */ .eB)(item)?.name)).map(parseFeature);
}
/**
 * Okta's answer to a read of an app's features while its provisioning is not enabled: 400 E0000001 on a
 * `/features` path (the spec's and the real answer's cause reads "Provisioning is not enabled for the app
 * instance."; any other wording counts the same, since a read has no body whose validation could fail).
 */
function isProvisioningNotEnabled(error) {
    return (error instanceof _okta_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OktaApiError */ .Iy &&
        error.status === 400 &&
        error.errorCode === 'E0000001' &&
        error.method === 'GET' &&
        /^\/api\/v1\/apps\/[^/]+\/features(\/[^/]+)?$/.test(error.path));
}


/***/ }),

/***/ 9389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ featureChangeText),
/* harmony export */   Ol: () => (/* binding */ FEATURES_UPDATED),
/* harmony export */   T$: () => (/* binding */ featuresToUpdateText)
/* harmony export */ });
/* harmony import */ var _render_words_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5933);

/**
 * How the provisioning features read in plans and apply results; src/render/ lays them out. A connection to
 * deactivate has its features neither compared nor written: that warning is a finding of the definitions'
 * checks (`checkFeatureRules` in schema.ts), made without Okta, and is reported with the other warnings.
 */
/** `to_app.create_users: false → true`: a declared setting as Okta has it, then as the definition says. */
function featureChangeText(change, quote, markDrift = true) {
    return (0,_render_words_js__WEBPACK_IMPORTED_MODULE_0__/* .changeLine */ .vK)(change, quote, markDrift);
}
/** The plan's count of connections whose features change: `2 to update features`. */
function featuresToUpdateText(count) {
    return `${count} to update features`;
}
/** `update-features` once apply did it (`configured + features updated`). */
const FEATURES_UPDATED = 'features updated';


/***/ }),

/***/ 7962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OM: () => (/* binding */ openOkta),
  w3: () => (/* binding */ reportNotRead)
});

// UNUSED EXPORTS: REQUEST_DEADLINE_ENV

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/okta/wait-text.ts
var wait_text = __webpack_require__(9110);
;// CONCATENATED MODULE: ./src/okta/auth.ts
/** How the client authenticates its API calls: SSWS API token here, OAuth 2.0 in oauth.ts. */
class SswsAuth {
    token;
    constructor(token) {
        this.token = token;
    }
    async headers() {
        return { Authorization: `SSWS ${this.token}` };
    }
    /** An API token cannot be renewed: a 401 is final. */
    invalidate() {
        return false;
    }
}

// EXTERNAL MODULE: ./src/okta/errors.ts
var errors = __webpack_require__(2282);
// EXTERNAL MODULE: ./src/resources/features/read.ts
var read = __webpack_require__(7521);
;// CONCATENATED MODULE: ./src/okta/link.ts
/** RFC 8288 `Link` headers, as Okta uses them for pagination. */
/** The URL of the link with `rel` (e.g. "next"), resolved against `base`; undefined when absent. */
function linkUrl(header, rel, base) {
    if (!header)
        return undefined;
    for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
        const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1]?.split(/\s+/) ?? [];
        if (rels.includes(rel))
            return new URL(match[1], base);
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/okta/org-url.ts
var org_url = __webpack_require__(1127);
// EXTERNAL MODULE: ./src/okta/keys.ts
var keys = __webpack_require__(2465);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/okta/jwt.ts
/** Compact JWS (JWT) signing with node:crypto. */

function base64url(data) {
    return Buffer.from(data).toString('base64url');
}
function sha256Base64url(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('base64url');
}
function signJwt(header, claims, key, alg) {
    const input = `${base64url(JSON.stringify({ ...header, alg }))}.${base64url(JSON.stringify(claims))}`;
    // JOSE wants ECDSA signatures as r||s, not DER.
    const signature = alg === 'ES256'
        ? (0,external_node_crypto_.sign)('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
        : (0,external_node_crypto_.sign)('sha256', Buffer.from(input), key);
    return `${input}.${base64url(signature)}`;
}

;// CONCATENATED MODULE: ./src/okta/dpop.ts
/** DPoP (RFC 9449) proofs, signed by one ephemeral EC P-256 key per client. */


class DpopKey {
    now;
    privateKey;
    publicJwk;
    constructor(now = Date.now) {
        this.now = now;
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
        this.privateKey = privateKey;
        const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
        this.publicJwk = { kty, crv, x, y };
    }
    proof(request) {
        const url = new URL(request.url);
        const claims = {
            htm: request.method,
            htu: `${url.origin}${url.pathname}`,
            iat: Math.floor(this.now() / 1000),
            jti: (0,external_node_crypto_.randomUUID)(),
        };
        if (request.nonce !== undefined)
            claims.nonce = request.nonce;
        if (request.accessToken !== undefined)
            claims.ath = sha256Base64url(request.accessToken);
        return signJwt({ typ: 'dpop+jwt', jwk: this.publicJwk }, claims, this.privateKey, 'ES256');
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/okta/breaker.ts
/**
 * The circuit breaker of one org: once Okta stops answering, the run stops sending it requests, so a hung
 * Okta ends a run in about two request deadlines whatever the number of connections.
 *
 * It opens when a second request passes its deadline with no answer from Okta since the first (Okta
 * answers nothing), or at the eighth deadline miss of the run (Okta hangs on part of its requests: each miss
 * holds a request slot for a whole deadline, and retrying them would queue the rest behind them). A single
 * slow answer among answered requests does not open it. Rate-limit waits are not misses: Okta answered.
 * It never closes again within the run: a run lasts minutes, and probing a hung Okta would only add
 * deadlines to the wait.
 */
/** Deadline misses with no answer in between that open the breaker. */
const MISSES_IN_A_ROW = 2;
/** Deadline misses in one run that open the breaker whatever was answered in between. */
const MISSES_PER_RUN = 8;
class CircuitBreaker {
    onOpen;
    inRow = 0;
    total = 0;
    opened = false;
    constructor(onOpen) {
        this.onOpen = onOpen;
    }
    get open() {
        return this.opened;
    }
    /** Okta answered (any status). */
    answered() {
        this.inRow = 0;
    }
    /** A request passed its deadline; returns whether the breaker is now open. */
    missed() {
        if (this.open)
            return true;
        this.inRow += 1;
        this.total += 1;
        if (this.inRow >= MISSES_IN_A_ROW) {
            this.trip(`${this.inRow} requests in a row passed their deadline`);
        }
        else if (this.total >= MISSES_PER_RUN) {
            this.trip(`${this.total} requests passed their deadline`);
        }
        return this.open;
    }
    trip(why) {
        this.opened = true;
        this.onOpen(why);
    }
}

;// CONCATENATED MODULE: ./src/okta/buckets.ts
const BUCKET_NAMES = (/* unused pure expression or super */ null && (['apps-id', 'apps-star', 'apps-list', 'token', 'other']));
/** The bucket of a request, from its method and URL path (query ignored). */
function bucketOf(method, path) {
    const pathname = path.split('?')[0].replace(/\/+$/, '');
    if (pathname === '/oauth2/v1/token')
        return 'token';
    if (pathname === '/api/v1/apps')
        return 'apps-list';
    const rest = /^\/api\/v1\/apps\/([^/]+)(\/.*)?$/.exec(pathname);
    if (!rest)
        return 'other';
    // Okta's "/api/v1/apps/{id}" bucket is for reading one app; everything below it is "/api/v1/apps/*".
    if (rest[2] === undefined)
        return method.toUpperCase() === 'GET' ? 'apps-id' : 'apps-star';
    return 'apps-star';
}

;// CONCATENATED MODULE: ./src/okta/rate-limit.ts
/**
 * Pure rate-limit arithmetic for one Okta bucket (no timers, no I/O: every method takes the local time).
 *
 * Rules: never more than floor(limit × share / 100) of our requests (min 1) in one
 * server window; the window end comes from `X-Rate-Limit-Reset` read against the server's `Date`; before
 * the first answer only one probe is in flight; requests in flight count against the budget.
 *
 * A request may reach the server in any window from the one current when it was charged to the one
 * current when its answer (or failure) is seen, so it counts in every one of those until its answer's
 * Reset tells which it was. Windows roll lazily (at the next charge or answer, whenever a loaded machine
 * gets to it), so an answer is handled as still in flight until the roll it may have spanned is done.
 * A window opened by the clock alone starts with one probe; the rest wait for an answer that shows the
 * new Reset, so if the server's window was in fact still open (its `Date` ahead of its rate-limit clock),
 * one request lands there, not a burst, and the client learns to wait longer.
 */
/**
 * Okta's windows last a minute; a Reset further ahead of the answer's Date (or, without one, of when it
 * arrived) is not one (e.g. milliseconds), and is ignored: waiting for it would stall the run for days, or,
 * past 2^31 ms, fire the timers at once.
 */
const MAX_RESET_AHEAD_MS = 10 * 60_000;
function readRateLimitInfo(headers, receivedAtMs) {
    const date = headers['date'] ? Date.parse(headers['date']) : NaN;
    const serverDateMs = Number.isFinite(date) ? date : undefined;
    const reference = serverDateMs ?? receivedAtMs;
    let resetEpochSec = nonNegativeInt(headers['x-rate-limit-reset']);
    if (resetEpochSec !== undefined && reference !== undefined) {
        if (resetEpochSec * 1000 - reference > MAX_RESET_AHEAD_MS)
            resetEpochSec = undefined;
    }
    return {
        limit: nonNegativeInt(headers['x-rate-limit-limit']),
        remaining: nonNegativeInt(headers['x-rate-limit-remaining']),
        resetEpochSec,
        serverDateMs,
    };
}
function nonNegativeInt(text) {
    if (text === undefined || !/^\s*\d+\s*$/.test(text))
        return undefined;
    return Number(text);
}
/**
 * The server clock seen from here. `Date` has whole seconds, so each answer only bounds the offset
 * (server − local) from below; keeping the largest bound makes every derived local time late, never early.
 */
class ServerClock {
    offsetLowMs;
    /** Learnt when a window outlived its end as computed here (the `Date` and Reset clocks disagree). */
    lateMs = 0;
    observe(serverDateMs, receivedAtMs) {
        const sample = serverDateMs - receivedAtMs;
        this.offsetLowMs = this.offsetLowMs === undefined ? sample : Math.max(this.offsetLowMs, sample);
    }
    /** Whether a window ever outlived its end as computed here. */
    get disagreed() {
        return this.lateMs > 0;
    }
    /** Local time by which the server clock has surely reached `serverMs`. */
    toLocal(serverMs) {
        return serverMs - (this.offsetLowMs ?? 0) + this.lateMs;
    }
    /**
     * A request counted in the window ending at server time `resetMs` arrived no earlier than local
     * `arrivedAfterMs`. If that is past the end computed here, the clocks disagree: later ends are pushed
     * back by the error and a second more (what Okta's SDKs add to `Reset - Date`), at least doubling the
     * delay each time. Returns whether it was late.
     */
    observeOpenAt(resetMs, arrivedAfterMs) {
        const error = arrivedAfterMs - this.toLocal(resetMs);
        if (error < 0)
            return false;
        this.lateMs = Math.max(2 * this.lateMs, this.lateMs + error + 1000);
        return true;
    }
}
/** Used until an answer tells how long this bucket's windows are. */
const DEFAULT_WINDOW_MS = 60_000;
class BucketPacer {
    clock;
    share;
    marginMs;
    limit;
    window = { used: 0, lost: 0 };
    previousResetEpochSec;
    /** Longest Reset − Date seen: an upper estimate of the window length. */
    windowEstimateMs;
    inFlight = new Set();
    /** Charged while the current window's Reset was unknown: until it is answered, nothing more goes. */
    probe;
    nextId = 1;
    constructor(clock, 
    /** Percent of the bucket's limit we may use, 1..100. */
    share, 
    /** Added to a learnt window end, so the first request of the next window arrives after the reset. */
    marginMs = 25) {
        this.clock = clock;
        this.share = share;
        this.marginMs = marginMs;
    }
    /** Our requests allowed per window, once the limit is known. */
    get budget() {
        return this.limit === undefined ? undefined : Math.max(1, Math.floor((this.limit * this.share) / 100));
    }
    /** Charges one request when the bucket allows it at `now`; undefined when it must wait. */
    tryCharge(now) {
        this.roll(now);
        if (!this.canSend())
            return undefined;
        const window = this.window;
        window.used += 1;
        if (this.limit !== undefined)
            window.endLocalMs ??= now + (this.windowEstimateMs ?? DEFAULT_WINDOW_MS);
        const ticket = { id: this.nextId++, chargedAt: now };
        this.inFlight.add(ticket);
        if (window.resetEpochSec === undefined)
            this.probe = ticket;
        return ticket;
    }
    /** When waiting alone can let a blocked request go; undefined: only an answer (or failure) can. */
    nextChangeAt() {
        return this.limit === undefined ? undefined : this.window.endLocalMs;
    }
    /** Learns from an answer (any status) to a charged request. */
    answered(ticket, info, receivedAtMs) {
        // Still in flight for a roll that is due: the request may have reached the server after that reset.
        this.roll(receivedAtMs);
        this.inFlight.delete(ticket);
        if (info.serverDateMs !== undefined)
            this.clock.observe(info.serverDateMs, receivedAtMs);
        if (info.limit !== undefined)
            this.limit = info.limit;
        const reset = info.resetEpochSec;
        if (reset !== undefined && info.serverDateMs !== undefined) {
            this.windowEstimateMs = Math.max(this.windowEstimateMs ?? 0, reset * 1000 - info.serverDateMs);
        }
        if (reset === undefined) {
            // A window charged before the limit was known has no end yet, and no Reset gives it one.
            if (this.limit !== undefined && this.window.used > 0)
                this.window.endLocalMs ??= ticket.chargedAt + (this.windowEstimateMs ?? DEFAULT_WINDOW_MS);
            return;
        }
        const current = this.window.resetEpochSec;
        // Not from a 429 (Remaining 0): a concurrency 429's Reset is only a hint.
        const late = info.remaining !== 0 && this.clock.observeOpenAt(reset * 1000, ticket.chargedAt);
        if (late && current === undefined) {
            // Sent after we took this window for over, yet counted in it: it is still open, and may be full.
            this.window = {
                resetEpochSec: reset,
                endLocalMs: this.clock.toLocal(reset * 1000) + this.marginMs,
                used: Math.max(this.budget ?? 1, this.inFlight.size),
                lost: 0,
            };
            return;
        }
        const older = current === undefined ? reset <= (this.previousResetEpochSec ?? -Infinity) : reset < current;
        if (older) {
            // It reached the server in an earlier window: it takes nothing from this one.
            this.window.used -= 1;
            return;
        }
        if (current !== undefined && reset > current) {
            // The server already started a newer window: what is still in flight may land there, and this did.
            this.previousResetEpochSec = current;
            this.window = { used: this.inFlight.size + this.window.lost + 1, lost: 0 };
        }
        const window = this.window;
        window.resetEpochSec = reset;
        window.endLocalMs = this.clock.toLocal(reset * 1000) + this.marginMs;
        if (info.remaining !== undefined)
            window.remaining = Math.min(window.remaining ?? Infinity, info.remaining);
    }
    /**
     * The request got no answer (reset, timeout) by `now`: the server may have counted it, in this window or,
     * if this one ended unseen, in the next, so the charge stays and moves on with the next roll.
     */
    failed(ticket, now) {
        this.roll(now);
        if (this.inFlight.delete(ticket))
            this.window.lost += 1;
    }
    /** The request was never sent. */
    cancel(ticket) {
        if (this.inFlight.delete(ticket))
            this.window.used -= 1;
    }
    /** Local time at which a 429's window is surely over; undefined when its Reset is absent or past. */
    resumeAt(resetEpochSec, now) {
        if (resetEpochSec === undefined)
            return undefined;
        const at = this.clock.toLocal(resetEpochSec * 1000) + this.marginMs;
        return at > now ? at : undefined;
    }
    snapshot() {
        return {
            limit: this.limit,
            budget: this.budget,
            used: this.window.used,
            inFlight: this.inFlight.size,
            windowEndLocalMs: this.window.endLocalMs,
            windowMs: this.windowEstimateMs,
        };
    }
    /** Whether the current window has no room left (not: waits for an answer): only its end helps. */
    windowFull() {
        const budget = this.budget;
        if (budget === undefined)
            return false;
        // Once the clocks disagreed, a window keeps room for the next one's probe, which may land in it.
        const room = this.clock.disagreed ? Math.max(1, budget - 1) : budget;
        const remaining = this.window.remaining;
        return this.window.used >= room || (remaining !== undefined && remaining - this.inFlight.size <= 0);
    }
    canSend() {
        // Before the first answer: a single probe.
        if (this.budget === undefined)
            return this.inFlight.size === 0;
        if (this.windowFull())
            return false;
        return !(this.window.resetEpochSec === undefined && this.probe && this.inFlight.has(this.probe));
    }
    /** Starts the next window once the current one is surely over. */
    roll(now) {
        const window = this.window;
        if (window.endLocalMs === undefined || now < window.endLocalMs)
            return;
        if (window.resetEpochSec !== undefined)
            this.previousResetEpochSec = window.resetEpochSec;
        // Requests still in flight, or lost in the window just over, may reach the server in the new window.
        const carried = this.inFlight.size + window.lost;
        this.window = {
            used: carried,
            lost: 0,
            endLocalMs: carried > 0 ? now + (this.windowEstimateMs ?? DEFAULT_WINDOW_MS) : undefined,
        };
    }
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
;// CONCATENATED MODULE: ./src/okta/transport.ts


/** The attempt took longer than the deadline. Retried: the next attempt may be faster. */
class DeadlineExceededError extends Error {
    deadlineMs;
    name = 'DeadlineExceededError';
    constructor(deadlineMs) {
        super(`no complete answer within ${(0,errors/* seconds */.YA)(deadlineMs)}`);
        this.deadlineMs = deadlineMs;
    }
}
/** The answer was bigger than the cap. Not retried: the same request gets the same answer. */
class ResponseTooLargeError extends Error {
    maxBytes;
    name = 'ResponseTooLargeError';
    constructor(maxBytes) {
        super(`Okta's answer exceeded ${formatBytes(maxBytes)}`);
        this.maxBytes = maxBytes;
    }
}
const BACKSTOP_MS = 1_000;
class HttpTransport {
    pool;
    now;
    deadlineMs;
    maxResponseBytes;
    constructor(origin, options) {
        this.now = options.now ?? Date.now;
        this.deadlineMs = options.deadlineMs;
        this.maxResponseBytes = options.maxResponseBytes;
        this.pool = new undici.Pool(origin, {
            connections: options.connections,
            pipelining: 1,
            keepAliveTimeout: 30_000,
            // Backstops only: the deadline in send() ends the attempt first (these restart with every byte).
            headersTimeout: options.deadlineMs + BACKSTOP_MS,
            bodyTimeout: options.deadlineMs + BACKSTOP_MS,
            connect: { timeout: options.deadlineMs + BACKSTOP_MS },
        });
    }
    /** Resolves with any HTTP status; rejects when no complete answer within the deadline and the cap. */
    async send(request) {
        const abort = new AbortController();
        const deadline = setTimeout(() => abort.abort(), this.deadlineMs);
        try {
            const response = await this.pool.request({
                method: request.method,
                path: request.path,
                headers: request.headers,
                body: request.body,
                signal: abort.signal,
            });
            const headers = {};
            for (const [name, value] of Object.entries(response.headers)) {
                if (value !== undefined)
                    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
            }
            const text = await this.readBody(response.body, headers['content-length']);
            return { status: response.statusCode, headers, text, receivedAt: this.now() };
        }
        catch (error) {
            // Whatever undici reports once the signal fired (aborted request or body), the cause is the deadline.
            if (abort.signal.aborted)
                throw new DeadlineExceededError(this.deadlineMs);
            throw error;
        }
        finally {
            clearTimeout(deadline);
        }
    }
    /**
     * Ends every connection at once: the run's work is done, and a keep-alive socket or a request still in
     * flight (abandoned by an error) must not keep the process alive.
     */
    close() {
        return this.pool.destroy();
    }
    /** The body as UTF-8 text, or ResponseTooLargeError as soon as it is known to exceed the cap. */
    async readBody(body, contentLength) {
        const cap = this.maxResponseBytes;
        const tooLarge = () => {
            // Closes the connection mid-answer; the abort error undici then emits is expected.
            body.on('error', () => undefined).destroy();
            return new ResponseTooLargeError(cap);
        };
        if (contentLength !== undefined && Number(contentLength) > cap)
            throw tooLarge();
        const chunks = [];
        let size = 0;
        for await (const chunk of body) {
            size += chunk.length;
            if (size > cap)
                throw tooLarge();
            chunks.push(chunk);
        }
        return Buffer.concat(chunks, size).toString('utf8');
    }
}
/** Why a request got no usable answer, and whether to try again. */
function describeNetworkFailure(error) {
    if (error instanceof DeadlineExceededError)
        return { reason: error.message, retry: true, stalled: true };
    if (error instanceof ResponseTooLargeError)
        return { reason: error.message, retry: false, stalled: false };
    const code = error?.code;
    const retried = (reason) => ({ reason, retry: true, stalled: false });
    switch (code) {
        case 'UND_ERR_HEADERS_TIMEOUT':
        case 'UND_ERR_BODY_TIMEOUT':
        case 'UND_ERR_CONNECT_TIMEOUT':
            return { reason: 'timed out', retry: true, stalled: true };
        case 'UND_ERR_SOCKET':
        case 'ECONNRESET':
        case 'EPIPE':
            return retried('connection reset');
        case 'ECONNREFUSED':
            return retried('connection refused');
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return retried('host name not found');
        default:
            return retried(typeof code === 'string' ? code : 'request failed');
    }
}
function formatBytes(bytes) {
    const mib = bytes / (1024 * 1024);
    if (Number.isInteger(mib))
        return `${mib} MiB`;
    const kib = bytes / 1024;
    return Number.isInteger(kib) ? `${kib} KiB` : `${bytes} bytes`;
}

// EXTERNAL MODULE: ./src/okta/types.ts
var types = __webpack_require__(1620);
;// CONCATENATED MODULE: ./src/okta/requester.ts
/**
 * The one path every Okta request takes: pacing, auth headers, retries (429 after the reset with
 * X-Okta-Retry-For/Count; 5xx, resets and timeouts with backoff), one re-authentication after a 401,
 * the org's circuit breaker (a hung Okta fails what is left at once), and redacted errors.
 */








/** An attempt's outcome when another attempt follows. */
const RETRY = Symbol('retry');
const MAX_BACKOFF_MS = 30_000;
/** Spreads retries after a 429 so that clients waiting for the same reset do not all come back at once. */
const RATE_LIMIT_JITTER_MS = 250;
class OktaRequester {
    options;
    stats = {};
    now;
    breaker;
    /** Why the breaker opened, for the errors of the requests it stops. */
    openedBecause = '';
    /** Aborted when the breaker opens or the client is closed: ends every wait for a retry. */
    stopped = new AbortController();
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        this.breaker = new CircuitBreaker((why) => {
            this.openedBecause = why;
            options.logger.warning(`Okta did not answer within ${(0,errors/* seconds */.YA)(options.deadlineMs)} (${why}): no more requests are sent to ` +
                'Okta in this run, and what was not read or written yet fails (okta-unreachable).');
            this.stop(new Error('the circuit breaker opened'));
        });
    }
    /** Fails what still waits to be sent (the run's work is over): no wait may keep the process alive. */
    close() {
        this.stop(new Error('the Okta client was closed before this request was sent'));
    }
    stop(reason) {
        if (this.stopped.signal.aborted)
            return;
        this.stopped.abort(reason);
        this.options.scheduler.stop(reason);
    }
    snapshot() {
        return structuredClone(this.stats);
    }
    async send(request) {
        const attempts = {
            request,
            bucket: bucketOf(request.method, request.url.pathname),
            what: `${request.method} ${request.url.pathname}`,
            attempt: 1,
            failures: 0,
            rateLimited: 0,
            reauthenticated: false,
            challenged: false,
        };
        for (;; attempts.attempt += 1) {
            const outcome = await this.attempt(attempts);
            if (outcome !== RETRY)
                return outcome;
        }
    }
    /** One attempt: the answer to return, or RETRY once any wait before the next is over. Throws to give up. */
    async attempt(attempts) {
        const slot = await this.acquireSlot(attempts);
        const { headers, body } = await this.prepare(attempts, slot);
        this.count(attempts.bucket, 'requests');
        if (attempts.attempt > 1)
            this.count(attempts.bucket, 'retries');
        const answer = await this.transmit(attempts, slot, headers, body);
        if (answer === RETRY)
            return RETRY;
        const rateLimit = this.learnFrom(slot, answer);
        return this.judge(attempts, answer, rateLimit, headers);
    }
    /** Waits for the bucket's pacing to let this attempt go; fails at once behind an open breaker. */
    async acquireSlot({ request, bucket, attempt }) {
        if (this.breaker.open)
            throw this.unreachable(request, attempt - 1);
        try {
            return await this.options.scheduler.acquire(bucket, request.auth === undefined);
        }
        catch (error) {
            // Stopped while waiting: the breaker opened, or the client was closed.
            throw this.breaker.open ? this.unreachable(request, attempt - 1) : error;
        }
    }
    /** The attempt's headers and body; the slot goes back unused when they cannot be built. */
    async prepare({ request, retryFor, rateLimited }, slot) {
        try {
            const headers = await this.headersFor(request, retryFor, rateLimited);
            const body = request.json !== undefined ? JSON.stringify(request.json) : request.form?.().toString();
            return { headers, body };
        }
        catch (error) {
            this.options.scheduler.cancel(slot);
            throw error;
        }
    }
    /** Sends the attempt (the transport holds it to the deadline); RETRY after no answer and the backoff. */
    async transmit(attempts, slot, headers, body) {
        const { url, method } = attempts.request;
        try {
            return await this.options.transport.send({ method, path: url.pathname + url.search, headers, body });
        }
        catch (error) {
            this.options.scheduler.failed(slot);
            await this.backOffAfterNoAnswer(attempts, error);
            return RETRY;
        }
    }
    /** No answer (deadline, reset, refused): gives up, or waits out the backoff before the next attempt. */
    async backOffAfterNoAnswer(attempts, error) {
        const { request, what, attempt } = attempts;
        const { maxRetries } = this.options;
        attempts.failures += 1;
        const failure = describeNetworkFailure(error);
        // Not retried into an open breaker: that would only queue more requests behind a hung Okta.
        if (failure.stalled && (this.breaker.missed() || attempts.failures > maxRetries))
            throw this.unreachable(request, attempt, true);
        if (!failure.retry || attempts.failures > maxRetries)
            throw this.networkError(what, request, attempt, failure);
        this.options.logger.debug(`Okta ${what}: ${failure.reason}, retrying (${attempts.failures}/${maxRetries})`);
        await this.pause(this.backoffMs(attempts.failures), request, attempt);
    }
    /** Okta answered (any status): the breaker and the bucket's pacing learn from it. */
    learnFrom(slot, answer) {
        this.breaker.answered();
        const rateLimit = readRateLimitInfo(answer.headers, answer.receivedAt);
        this.options.scheduler.answered(slot, rateLimit, answer.receivedAt);
        return rateLimit;
    }
    /** What an answer means: returned, retried (RETRY, after any wait), or thrown as an error. */
    async judge(attempts, answer, rateLimit, headers) {
        const { request } = attempts;
        const { status } = answer;
        if (status === 429)
            return this.waitOutRateLimit(attempts, answer, rateLimit);
        if (this.renewedAuth(attempts, answer, headers))
            return RETRY;
        if (status >= 500)
            return this.backOffAfterServerError(attempts, answer);
        if (status < 300 || request.passStatus?.(status))
            return answer;
        throw this.apiError(request, answer, attempts.attempt);
    }
    /** A 429: waits until the window is over and retries with X-Okta-Retry-For, up to maxRateLimitRetries. */
    async waitOutRateLimit(attempts, answer, rateLimit) {
        const { scheduler, logger } = this.options;
        const { request, bucket, what, attempt } = attempts;
        attempts.rateLimited += 1;
        this.count(bucket, 'rateLimited');
        if (attempts.rateLimited > this.options.maxRateLimitRetries)
            throw this.apiError(request, answer, attempt);
        attempts.retryFor = answer.headers['x-okta-request-id'];
        // Until the window is over (Reset read against the server's Date); a short backoff without one.
        const resumeAt = scheduler.resumeAt(bucket, rateLimit.resetEpochSec);
        if (resumeAt !== undefined)
            scheduler.announceWait(bucket, resumeAt, 'rate-limited');
        const waitMs = resumeAt === undefined
            ? this.backoffMs(attempts.rateLimited)
            : resumeAt - this.now() + Math.random() * RATE_LIMIT_JITTER_MS;
        logger.debug(`Okta ${what}: rate limited (429), retrying in ${Math.round(waitMs)} ms`);
        await this.pause(Math.max(0, waitMs), request, attempt);
        return RETRY;
    }
    /**
     * Whether the auth makes a resend worth it, once each: a challenge it took up (a DPoP nonce), or a 401
     * after which it renews the access token. `challenged` sees every answer but a 429 (it keeps the latest
     * nonce), so it is asked first.
     */
    renewedAuth(attempts, answer, headers) {
        const { auth } = attempts.request;
        if (auth?.challenged?.(answer) && !attempts.challenged) {
            attempts.challenged = true;
            return true;
        }
        if (answer.status === 401 && auth && !attempts.reauthenticated && auth.invalidate(headers)) {
            attempts.reauthenticated = true;
            this.options.logger.debug(`Okta ${attempts.what}: 401, renewing the access token`);
            return true;
        }
        return false;
    }
    /** A 5xx: gives up after maxRetries failures (no answer counts too), or backs off and retries. */
    async backOffAfterServerError(attempts, answer) {
        const { request, what, attempt } = attempts;
        const { maxRetries } = this.options;
        attempts.failures += 1;
        if (attempts.failures > maxRetries)
            throw this.apiError(request, answer, attempt);
        this.options.logger.debug(`Okta ${what}: ${answer.status}, retrying (${attempts.failures}/${maxRetries})`);
        await this.pause(this.backoffMs(attempts.failures), request, attempt);
        return RETRY;
    }
    async headersFor(request, retryFor, rateLimited) {
        const headers = {
            'User-Agent': version/* USER_AGENT */._,
            Accept: 'application/json',
            ...request.headers?.(),
            ...(await request.auth?.headers({ method: request.method, url: request.url.href })),
        };
        if (request.json !== undefined)
            headers['Content-Type'] = 'application/json';
        if (request.form !== undefined)
            headers['Content-Type'] = 'application/x-www-form-urlencoded';
        if (retryFor !== undefined) {
            headers['X-Okta-Retry-For'] = retryFor;
            headers['X-Okta-Retry-Count'] = String(rateLimited);
        }
        return headers;
    }
    /** Waits before a retry; when the breaker opens (or the client is closed) meanwhile, fails at once. */
    async pause(ms, request, attempts) {
        try {
            await (0,promises_.setTimeout)(ms, undefined, { signal: this.stopped.signal });
        }
        catch {
            throw this.breaker.open ? this.unreachable(request, attempts) : this.stopped.signal.reason;
        }
    }
    backoffMs(failures) {
        const ceiling = Math.min(MAX_BACKOFF_MS, this.options.retryBaseMs * 2 ** (failures - 1));
        return ceiling / 2 + (Math.random() * ceiling) / 2;
    }
    count(bucket, field) {
        const stats = (this.stats[bucket] ??= { requests: 0, rateLimited: 0, retries: 0 });
        stats[field] += 1;
    }
    /** Okta did not answer in time: this request, or the ones before it that opened the breaker. */
    unreachable(request, attempts, missed = false) {
        const { deadlineMs } = this.options;
        const what = `${request.method} ${request.url.pathname}`;
        const stopped = `${this.openedBecause}; this run sends Okta no more requests`;
        const outcome = !this.breaker.open
            ? `${what} got no answer in ${attempts} attempts`
            : missed
                ? `${what} got no answer and was not retried (${stopped})`
                : `${what} was not ${attempts === 0 ? 'sent' : 'retried'} (${stopped})`;
        const message = `Okta did not answer within ${(0,errors/* seconds */.YA)(deadlineMs)}: ${outcome}. ` +
            `Check Okta's status (status.okta.com) and the network between this runner and ${request.url.origin}, then run again.`;
        return new errors/* OktaUnreachableError */.qO(this.options.secrets.redact(message), request.method, request.url.pathname, attempts, deadlineMs);
    }
    networkError(what, request, attempts, { reason, retry }) {
        const message = retry
            ? `No answer from Okta for ${what} after ${attempts} attempt${attempts === 1 ? '' : 's'} (${reason}). ` +
                `Check the org URL ${request.url.origin} and the network between this runner and Okta.`
            : `Gave up on ${what}: ${reason} (not retried). Check that the org URL ${request.url.origin} reaches Okta directly.`;
        return new errors/* OktaNetworkError */.M3(this.options.secrets.redact(message), request.method, request.url.pathname, attempts);
    }
    apiError(request, answer, attempts) {
        const redact = (text) => this.options.secrets.redact(text);
        const parsed = (0,types/* parseErrorBody */.kW)(parseJson(answer.text));
        // The code too: it reaches plan files and apply results as a problem's code.
        const errorCode = parsed.errorCode === undefined ? undefined : redact(parsed.errorCode);
        const errorSummary = parsed.errorSummary === undefined ? undefined : redact(parsed.errorSummary);
        const causes = parsed.causes.map(redact);
        const requestId = answer.headers['x-okta-request-id'];
        let message = `Okta answered ${answer.status}${errorCode ? ` ${errorCode}` : ''} to ${request.method} ${request.url.pathname}`;
        if (errorSummary)
            message += `: ${errorSummary}`;
        if (causes.length > 0)
            message += ` (${causes.join('; ')})`;
        const hint = this.hint(request, answer, attempts);
        if (hint)
            message += `. ${hint}`;
        if (requestId)
            message += ` (request id ${requestId})`;
        return new errors/* OktaApiError */.Iy(redact(message), {
            status: answer.status,
            method: request.method,
            path: request.url.pathname,
            errorCode,
            errorSummary,
            causes,
            requestId,
        });
    }
    hint(request, answer, attempts) {
        const { status } = answer;
        if (status === 401)
            return this.options.unauthorizedHint;
        if (status === 403 && /error="?insufficient_scope/.test(answer.headers['www-authenticate'] ?? '')) {
            const scope = request.method === 'GET' ? 'okta.apps.read' : 'okta.apps.manage';
            return `The access token lacks the scope ${scope}: grant ${scope} to the service app (Okta API Scopes tab) and request it in the scopes setting`;
        }
        if (status === 403) {
            return 'The credentials lack permission for this app: use an admin role (or service app role) that can manage apps';
        }
        if (status === 404)
            return `Check the app id: it does not exist in ${request.url.origin}`;
        if (status === 429)
            return `Still rate limited after ${attempts} attempts; lower the rate-limit share or run later`;
        if (status >= 500)
            return `Okta failed ${attempts} times in a row; try again later`;
        return undefined;
    }
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/okta/oauth.ts
/**
 * OAuth 2.0 service-app auth: client credentials with a private_key_jwt assertion, DPoP when the org
 * demands it (nonce dance included), the token cached until shortly before expiry.
 */






const ASSERTION_LIFETIME_SEC = 300;
const REFRESH_BEFORE_EXPIRY_MS = 60_000;
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
class OAuthAuth {
    options;
    dpop;
    tokenUrl;
    now;
    token;
    pending;
    /** DPoP-Nonce of the authorization server and of the resource server (they differ). */
    tokenNonce;
    resourceNonce;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        this.dpop = new DpopKey(this.now);
        this.tokenUrl = new URL('/oauth2/v1/token', options.origin);
    }
    async headers(request) {
        const token = await this.currentToken();
        if (token.type === 'Bearer')
            return { Authorization: `Bearer ${token.value}` };
        // A proof is not registered as a secret: it is bound to one method, URL and key, lives 5 minutes, and
        // registering one per call would flood the log with mask commands.
        const proof = this.dpop.proof({ ...request, nonce: this.resourceNonce, accessToken: token.value });
        return { Authorization: `DPoP ${token.value}`, DPoP: proof };
    }
    invalidate(rejected) {
        // Only drop the token that was rejected: concurrent 401s must not renew it again and again.
        const current = this.token;
        if (current && (!rejected || rejected.Authorization?.endsWith(` ${current.value}`)))
            this.token = undefined;
        return true;
    }
    challenged(answer) {
        const nonce = answer.headers['dpop-nonce'];
        if (nonce)
            this.resourceNonce = nonce;
        return (answer.status === 401 && !!nonce && /use_dpop_nonce/.test(answer.headers['www-authenticate'] ?? ''));
    }
    currentToken() {
        if (this.token && this.now() < this.token.refreshAt)
            return Promise.resolve(this.token);
        this.pending ??= this.requestToken().finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
    async requestToken() {
        for (let nonceRetried = false;; nonceRetried = true) {
            const answer = await this.options.requester.send({
                method: 'POST',
                url: this.tokenUrl,
                form: () => this.tokenForm(),
                // Always a DPoP proof: an org that demands DPoP refuses token requests without one.
                headers: () => ({
                    DPoP: this.dpop.proof({ method: 'POST', url: this.tokenUrl.href, nonce: this.tokenNonce }),
                }),
                passStatus: (status) => status >= 400 && status < 500,
            });
            const nonce = answer.headers['dpop-nonce'];
            if (nonce)
                this.tokenNonce = nonce;
            if (answer.status < 300) {
                this.token = this.accept(answer);
                return this.token;
            }
            const error = (0,types/* parseErrorBody */.kW)(parseJson(answer.text));
            if (error.errorCode === 'use_dpop_nonce' && nonce && !nonceRetried)
                continue;
            throw this.tokenError(answer, error.errorCode, error.errorSummary);
        }
    }
    tokenForm() {
        const { clientId, scopes } = this.options;
        const iat = Math.floor(this.now() / 1000);
        const { key, alg, kid } = this.options.signingKey;
        const header = kid ? { typ: 'JWT', kid } : { typ: 'JWT' };
        const claims = {
            iss: clientId,
            sub: clientId,
            aud: this.tokenUrl.href,
            iat,
            exp: iat + ASSERTION_LIFETIME_SEC,
            jti: (0,external_node_crypto_.randomUUID)(),
        };
        const assertion = this.secret(signJwt(header, claims, key, alg));
        return new URLSearchParams({
            grant_type: 'client_credentials',
            scope: scopes.join(' '),
            client_assertion_type: CLIENT_ASSERTION_TYPE,
            client_assertion: assertion,
        });
    }
    accept(answer) {
        const body = parseJson(answer.text);
        const value = typeof body?.access_token === 'string' ? body.access_token : undefined;
        const type = String(body?.token_type).toLowerCase();
        if (!value || (type !== 'bearer' && type !== 'dpop')) {
            throw this.tokenError(answer, undefined, 'the answer has no access_token or an unknown token_type');
        }
        this.secret(value);
        const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
        return {
            value,
            type: type === 'dpop' ? 'DPoP' : 'Bearer',
            refreshAt: this.now() + lifetimeMs - Math.min(REFRESH_BEFORE_EXPIRY_MS, lifetimeMs / 2),
        };
    }
    tokenError(answer, code, description) {
        const { clientId, scopes, secrets } = this.options;
        const kid = this.options.signingKey.kid;
        const checks = {
            invalid_client: `check the client id ${clientId}, that the service app authenticates with "Public key / Private key" ` +
                `and that its public key is registered${kid ? ` with kid ${kid}` : ''}`,
            invalid_scope: `grant the scopes ${scopes.join(', ')} to the service app (Okta API Scopes tab)`,
            unauthorized_client: 'allow the Client Credentials grant for the service app',
            invalid_dpop_proof: 'the org refused the DPoP proof; check the runner clock and any proxy rewriting the URL',
        };
        const check = (code && checks[code]) ??
            `check the client id ${clientId}, the key registered for the service app and the granted scopes (${scopes.join(', ')})`;
        const summary = description ? `: ${description}` : '';
        const message = `Okta refused the OAuth token request (${answer.status}${code ? ` ${code}` : ''}${summary}); ${check}.`;
        return new errors/* OktaApiError */.Iy(secrets.redact(message), {
            status: answer.status,
            method: 'POST',
            path: this.tokenUrl.pathname,
            errorCode: code === undefined ? undefined : secrets.redact(code),
            errorSummary: description === undefined ? undefined : secrets.redact(description),
            requestId: answer.headers['x-okta-request-id'],
        });
    }
    secret(value) {
        this.options.secrets.add(value);
        return value;
    }
}

;// CONCATENATED MODULE: ./src/okta/scheduler.ts

const ANNOUNCE_AFTER_MS = 5_000;
/** The waiters of one bucket that are all capped or all uncapped, first come first served. */
class WaiterQueue {
    bucket;
    uncapped;
    items = [];
    head = 0;
    constructor(bucket, uncapped) {
        this.bucket = bucket;
        this.uncapped = uncapped;
    }
    get size() {
        return this.items.length - this.head;
    }
    push(waiter) {
        this.items.push(waiter);
    }
    /** Takes every waiter out. */
    drain() {
        const waiters = this.items.slice(this.head);
        this.items = [];
        this.head = 0;
        return waiters;
    }
    peek() {
        return this.items[this.head];
    }
    shift() {
        const waiter = this.items[this.head];
        this.items[this.head] = undefined;
        this.head += 1;
        // Drop the served part now and then: shifting a long array one by one would copy it each time.
        if (this.head >= 1024 && this.head * 2 >= this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        return waiter;
    }
}
class RequestScheduler {
    options;
    clock = new ServerClock();
    pacers = new Map();
    queues = new Map();
    nextSeq = 0;
    now;
    active = 0;
    timer;
    timerAt = Infinity;
    /** The end of the wait last announced per bucket, so that each is announced once. */
    announced = new Map();
    stopped;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
    }
    /**
     * Waits until a request to `bucket` may be sent. `uncapped` requests skip the concurrency cap: the token
     * request is made while an API request already holds a slot, and must not wait for that slot.
     */
    acquire(bucket, uncapped = false) {
        return new Promise((resolve, reject) => {
            if (this.stopped)
                return reject(this.stopped);
            this.queue(bucket, uncapped).push({ seq: this.nextSeq++, resolve, reject });
            this.pump();
        });
    }
    /** Fails every waiting request and every later one with `reason` (the org's circuit breaker opened). */
    stop(reason) {
        this.stopped = reason;
        this.wakeAt(Infinity, this.now());
        for (const queue of this.queues.values())
            for (const waiter of queue.drain())
                waiter.reject(reason);
    }
    answered(slot, info, receivedAt) {
        this.pacer(slot.bucket).answered(slot.ticket, info, receivedAt);
        this.release(slot);
    }
    failed(slot) {
        this.pacer(slot.bucket).failed(slot.ticket, this.now());
        this.release(slot);
    }
    cancel(slot) {
        this.pacer(slot.bucket).cancel(slot.ticket);
        this.release(slot);
    }
    /** Local time at which a 429's window is surely over, or undefined (Reset absent or past). */
    resumeAt(bucket, resetEpochSec) {
        return this.pacer(bucket).resumeAt(resetEpochSec, this.now());
    }
    /**
     * Tells `onWait` that requests to `bucket` wait until local time `untilMs` (once per wait, and only
     * for waits of at least `announceAfterMs`).
     */
    announceWait(bucket, untilMs, reason) {
        const { onWait, share } = this.options;
        const waitMs = untilMs - this.now();
        if (!onWait || waitMs < (this.options.announceAfterMs ?? ANNOUNCE_AFTER_MS))
            return;
        if (this.announced.get(bucket) === untilMs)
            return;
        this.announced.set(bucket, untilMs);
        const { limit, budget, windowMs } = this.pacer(bucket).snapshot();
        onWait({ bucket, waitMs, untilMs, reason, share, limit, budget, windowMs });
    }
    pacer(bucket) {
        let pacer = this.pacers.get(bucket);
        if (!pacer) {
            pacer = new BucketPacer(this.clock, this.options.share);
            this.pacers.set(bucket, pacer);
        }
        return pacer;
    }
    queue(bucket, uncapped) {
        const key = `${bucket} ${uncapped}`;
        let queue = this.queues.get(key);
        if (!queue) {
            queue = new WaiterQueue(bucket, uncapped);
            this.queues.set(key, queue);
        }
        return queue;
    }
    release(slot) {
        if (!slot.uncapped)
            this.active -= 1;
        this.pump();
    }
    /** Serves the earliest waiter whose bucket and slot allow it, until none can go. */
    pump() {
        const now = this.now();
        let wakeAt = Infinity;
        const blocked = new Set();
        for (;;) {
            let next;
            for (const queue of this.queues.values()) {
                const head = queue.peek();
                if (!head || blocked.has(queue))
                    continue;
                if (!queue.uncapped && this.active >= this.options.maxConcurrency)
                    continue;
                if (!next || head.seq < next.peek().seq)
                    next = queue;
            }
            if (!next)
                break;
            const pacer = this.pacer(next.bucket);
            const ticket = pacer.tryCharge(now);
            if (!ticket) {
                // The bucket's other waiters would get the same answer now.
                blocked.add(next);
                const changeAt = pacer.nextChangeAt();
                if (changeAt !== undefined) {
                    wakeAt = Math.min(wakeAt, changeAt);
                    if (pacer.windowFull())
                        this.announceWait(next.bucket, changeAt, 'share');
                }
                continue;
            }
            const waiter = next.shift();
            if (!next.uncapped)
                this.active += 1;
            waiter.resolve({ bucket: next.bucket, ticket, uncapped: next.uncapped });
        }
        this.wakeAt(wakeAt, now);
    }
    /**
     * One timer for the earliest moment a waiting bucket's window ends, and none when nothing waits for a
     * window: a timer left for a window nobody needs would keep the process alive after its last answer.
     */
    wakeAt(at, now) {
        if (at === Infinity) {
            clearTimeout(this.timer);
            this.timer = undefined;
            this.timerAt = Infinity;
            return;
        }
        if (this.timer && this.timerAt <= at)
            return;
        clearTimeout(this.timer);
        this.timerAt = at;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.timerAt = Infinity;
            this.pump();
        }, Math.max(0, at - now) + 1);
    }
}

;// CONCATENATED MODULE: ./src/resources/connection/read.ts
/**
 * The provisioning connection as Okta answers it (`…/connections/default` and its JWKS), and the body of a
 * configure. Parsed leniently like every answer: unknown fields are ignored, unexpected values are UNKNOWN.
 */

function parseConnection(body) {
    const connection = (0,types/* asObject */.eB)(body);
    if (!connection)
        throw new types/* UnexpectedBodyError */._m('expected a connection object');
    const profile = (0,types/* asObject */.eB)(connection.profile);
    const authorize = (0,types/* asObject */.eB)((0,types/* asObject */.eB)(connection._links)?.authorize);
    const parsed = {
        status: (0,types/* oneOf */.yL)(connection.status, ['ENABLED', 'DISABLED']) ?? 'UNKNOWN',
        // profile.authScheme is the documented one; the top-level copy is only sent for TOKEN.
        authScheme: (0,types/* oneOf */.yL)(profile?.authScheme ?? connection.authScheme, ['TOKEN', 'OAUTH2']) ?? 'UNKNOWN',
    };
    const baseUrl = (0,types/* asString */.oJ)(connection.baseUrl);
    // Org2Org OAuth answers carry clientId both at the top and in the profile.
    const clientId = (0,types/* asString */.oJ)(profile?.clientId) ?? (0,types/* asString */.oJ)(connection.clientId);
    const rotationMode = (0,types/* oneOf */.yL)((0,types/* asObject */.eB)(profile?.signing)?.rotationMode, ['AUTO', 'MANUAL']);
    const authorizeUrl = (0,types/* asString */.oJ)(authorize?.href);
    if (baseUrl)
        parsed.baseUrl = baseUrl;
    if (clientId)
        parsed.clientId = clientId;
    if (rotationMode)
        parsed.rotationMode = rotationMode;
    if (authorizeUrl)
        parsed.authorizeUrl = authorizeUrl;
    return parsed;
}
const PUBLIC_JWK_MEMBERS = ['kty', 'kid', 'use', 'alg', 'e', 'n', 'crv', 'x', 'y'];
/** Keys beyond this are ignored: Okta holds one, two while it rotates. */
const MAX_PUBLIC_KEYS = 5;
/** `{ jwks: { keys: [...] } }` of GET …/connections/default/jwks; private members are never kept. */
function parseConnectionJwks(body) {
    const keys = (0,types/* asObject */.eB)((0,types/* asObject */.eB)(body)?.jwks)?.keys;
    if (!Array.isArray(keys))
        throw new types/* UnexpectedBodyError */._m('expected {"jwks": {"keys": [...]}}');
    return keys.slice(0, MAX_PUBLIC_KEYS).flatMap((key) => {
        const object = (0,types/* asObject */.eB)(key);
        if (!object || !(0,types/* asString */.oJ)(object.kty))
            return [];
        const jwk = {};
        for (const member of PUBLIC_JWK_MEMBERS) {
            const value = (0,types/* asString */.oJ)(object[member]);
            if (value)
                jwk[member] = value;
        }
        return [{ ...(jwk.kid && { kid: jwk.kid }), jwk }];
    });
}
/** Okta's error body `{errorCode, errorSummary, errorCauses, errorId}` or OAuth's `{error, error_description}`. */

;// CONCATENATED MODULE: ./src/okta/client.ts














const WRITE_SCOPE = 'okta.apps.manage';
const DEFAULT_PAGE_SIZE = 200;
class OktaClient {
    origin;
    transport;
    requester;
    auth;
    readOnly;
    /** How long Okta has to answer one request (connect to the last byte). */
    deadlineMs;
    constructor(options) {
        this.readOnly = options.readOnly ?? false;
        const { credentials, secrets } = options;
        const logger = options.logger ?? log/* silentLogger */.q;
        // Secrets first, and the key checked before anything is opened.
        if (credentials.kind === 'api-token')
            secrets.add(credentials.token);
        const signingKey = credentials.kind === 'oauth' ? (0,keys/* parsePrivateKey */.Q)(credentials.privateKey, secrets) : undefined;
        this.origin = (0,org_url/* parseOrgUrl */.F)(options.orgUrl);
        const share = options.rateLimitShare ?? 50;
        if (!(share >= 1 && share <= 100)) {
            throw new errors/* OktaConfigError */.Ex('rate-limit share must be a percentage from 1 to 100');
        }
        const maxConcurrency = options.maxConcurrency ?? 8;
        if (!(Number.isInteger(maxConcurrency) && maxConcurrency >= 1)) {
            throw new errors/* OktaConfigError */.Ex('max concurrency must be a whole number of at least 1');
        }
        this.deadlineMs = options.timeoutMs ?? 60_000;
        this.transport = new HttpTransport(this.origin, {
            connections: maxConcurrency,
            deadlineMs: this.deadlineMs,
            maxResponseBytes: options.maxResponseBytes ?? 4 * 1024 * 1024,
        });
        this.requester = new OktaRequester({
            transport: this.transport,
            scheduler: new RequestScheduler({
                share,
                maxConcurrency,
                onWait: options.onRateLimitWait ?? ((wait) => logger.info((0,wait_text/* describeRateLimitWait */.Ev)(wait))),
                announceAfterMs: options.rateLimitWaitNoticeMs,
            }),
            secrets,
            logger,
            maxRetries: options.maxRetries ?? 4,
            maxRateLimitRetries: options.maxRateLimitRetries ?? 8,
            retryBaseMs: options.retryBaseMs ?? 500,
            deadlineMs: this.deadlineMs,
            unauthorizedHint: credentials.kind === 'api-token'
                ? `Okta rejected the API token: check that it is complete, not expired or revoked, and was created in ${this.origin}`
                : `Okta rejected the access token even after renewing it: check that service app ${credentials.clientId} is active in ${this.origin}`,
        });
        this.auth =
            credentials.kind === 'api-token'
                ? new SswsAuth(credentials.token)
                : new OAuthAuth({
                    clientId: credentials.clientId,
                    signingKey: credentials.keyId ? { ...signingKey, kid: credentials.keyId } : signingKey,
                    scopes: this.readOnly ? readScopes(credentials.scopes) : credentials.scopes,
                    origin: this.origin,
                    secrets,
                    requester: this.requester,
                });
    }
    async getApp(appId) {
        const url = this.appUrl(appId);
        return this.parse(await this.call({ method: 'GET', url }), 'GET', url, types/* parseApp */.dp);
    }
    async getConnection(appId) {
        const url = this.connectionUrl(appId);
        return this.parse(await this.call({ method: 'GET', url }), 'GET', url, parseConnection);
    }
    /** Where Okta serves an Org2Org OAuth connection's public keys (the target org's `jwks_uri` under AUTO). */
    connectionJwksUrl(appId) {
        return this.connectionUrl(appId, '/jwks').href;
    }
    /** The public keys of an Org2Org OAuth connection, to register with the service app in the target org. */
    async getConnectionJwks(appId) {
        const url = this.connectionUrl(appId, '/jwks');
        return this.parse(await this.call({ method: 'GET', url }), 'GET', url, parseConnectionJwks);
    }
    async updateConnection(appId, body, options = {}) {
        this.assertWritable('configure');
        const url = this.connectionUrl(appId);
        if (options.activate)
            url.searchParams.set('activate', 'true');
        return this.parse(await this.call({ method: 'POST', url, json: body }), 'POST', url, parseConnection);
    }
    async activateConnection(appId) {
        this.assertWritable('activate');
        await this.call({ method: 'POST', url: this.connectionUrl(appId, '/lifecycle/activate') });
    }
    async deactivateConnection(appId) {
        this.assertWritable('deactivate');
        await this.call({ method: 'POST', url: this.connectionUrl(appId, '/lifecycle/deactivate') });
    }
    /** The app's provisioning features; Okta answers 400 while its connection is not set up. */
    async listFeatures(appId) {
        const url = this.featuresUrl(appId);
        return this.parse(await this.call({ method: 'GET', url }), 'GET', url, read/* parseFeatureList */.gY);
    }
    /** A partial update of one feature's capabilities; Okta answers with the feature as it now is. */
    async updateFeature(appId, name, capabilities) {
        this.assertWritable('update provisioning features');
        const url = this.featuresUrl(appId, name);
        return this.parse(await this.call({ method: 'PUT', url, json: capabilities }), 'PUT', url, read/* parseFeature */.Wf);
    }
    /** Every app of the org, page by page; the `next` link is followed as given (an opaque cursor). */
    async *listApps(options = {}) {
        let url = new URL('/api/v1/apps', this.origin);
        url.searchParams.set('limit', String(options.pageSize ?? DEFAULT_PAGE_SIZE));
        const visited = new Set();
        while (url) {
            visited.add(url.href);
            const answer = await this.call({ method: 'GET', url });
            yield* this.parse(answer, 'GET', url, types/* parseAppList */.FP);
            url = linkUrl(answer.headers['link'], 'next', url.href);
            // Never send our credentials to another host, whatever a Link header says.
            if (url && url.origin !== this.origin)
                throw listError(answer, `points to another host (${url.origin})`);
            // A page already read would start an endless loop.
            if (url && visited.has(url.href))
                throw listError(answer, 'repeats a page already read');
        }
    }
    assertWritable(operation) {
        if (this.readOnly)
            throw new errors/* OktaConfigError */.Ex(`refused to ${operation}: this run only reads from Okta`);
    }
    stats() {
        return this.requester.snapshot();
    }
    /** Ends the run's use of Okta: requests still waiting fail, and the connections are closed at once. */
    close() {
        this.requester.close();
        return this.transport.close();
    }
    call(request) {
        return this.requester.send({ ...request, auth: this.auth });
    }
    appUrl(appId) {
        return new URL(`/api/v1/apps/${encodeURIComponent(appId)}`, this.origin);
    }
    featuresUrl(appId, name) {
        const path = `/api/v1/apps/${encodeURIComponent(appId)}/features${name ? `/${name}` : ''}`;
        return new URL(path, this.origin);
    }
    connectionUrl(appId, suffix = '') {
        return new URL(`/api/v1/apps/${encodeURIComponent(appId)}/connections/default${suffix}`, this.origin);
    }
    parse(answer, method, url, parser) {
        try {
            return parser(parseJson(answer.text));
        }
        catch (error) {
            if (!(error instanceof types/* UnexpectedBodyError */._m))
                throw error;
            throw new errors/* OktaApiError */.Iy(`Okta's answer to ${method} ${url.pathname} was not understood: ${error.message}`, {
                status: answer.status,
                method,
                path: url.pathname,
                requestId: answer.headers['x-okta-request-id'],
            });
        }
    }
}
function listError(answer, what) {
    return new errors/* OktaApiError */.Iy(`Okta's next-page link for GET /api/v1/apps ${what}`, {
        status: answer.status,
        method: 'GET',
        path: '/api/v1/apps',
    });
}
/** The scopes to ask for when only reading: `okta.apps.manage` dropped (and read kept or added). */
function readScopes(scopes) {
    const read = scopes.filter((scope) => scope !== WRITE_SCOPE);
    return read.includes('okta.apps.read') ? read : [...read, 'okta.apps.read'];
}

// EXTERNAL MODULE: ./src/run/parse.ts
var parse = __webpack_require__(9018);
;// CONCATENATED MODULE: ./src/run/okta.ts



/**
 * Internal, for tests of a hung Okta: the deadline of one Okta request in ms (60 000 unless set). Not an
 * input: a shorter deadline only turns slow answers into failures.
 */
const REQUEST_DEADLINE_ENV = 'OKTA_APP_CONNECTIONS_INTERNAL_REQUEST_DEADLINE_MS';
/**
 * The Okta client of one use case. `read` (plan, export, drift) asks OAuth only for read scopes and refuses
 * any write before it is sent, so nothing outside apply can change Okta.
 */
function openOkta(settings, access, ports) {
    const { progress } = ports;
    const timeoutMs = requestDeadlineMs(ports.env);
    return new OktaClient({
        ...settings,
        secrets: ports.secrets,
        logger: ports.logger,
        readOnly: access === 'read',
        ...(timeoutMs !== undefined && { timeoutMs }),
        ...(progress && { onRateLimitWait: (wait) => progress.waiting(wait) }),
    });
}
function requestDeadlineMs(env) {
    const text = env[REQUEST_DEADLINE_ENV];
    return text ? (0,parse/* parseWholeNumber */.oA)(REQUEST_DEADLINE_ENV, text, 60_000, 100, 600_000) : undefined;
}
/** One line for the connections a hung Okta left unread (each one's error has the code `okta-unreachable`). */
function reportNotRead(plan, client, logger) {
    const notRead = plan.connections.filter((connection) => connection.error?.code === errors/* OKTA_UNREACHABLE */.pk);
    if (notRead.length > 0)
        logger.error((0,errors/* notReadSummary */.QG)(client.deadlineMs, notRead.length));
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export VERSION */
// Kept in step with package.json by a test; a literal so the bundle needs no package.json at run time.
const VERSION = '0.2.0';
const USER_AGENT = `okta-app-connections/${VERSION}`;


/***/ })

};
