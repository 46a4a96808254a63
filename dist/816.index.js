export const id = 816;
export const ids = [816];
export const modules = {

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I5: () => (/* binding */ recordCarrier),
/* harmony export */   XT: () => (/* binding */ sameReport),
/* harmony export */   dj: () => (/* binding */ findStickyComments),
/* harmony export */   uq: () => (/* binding */ publishPlanComment)
/* harmony export */ });
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6702);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4329);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1679);



const MINIMIZE_MUTATION = `mutation($id: ID!) {
  minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } }
}`;
/**
 * Every comment on the issue/PR that the token's identity wrote and whose marker has `key`, oldest first
 * (reads all pages). Asks GitHub who the token is only when some comment carries the marker.
 */
async function findStickyComments(octokit, { owner, repo, issueNumber, key }) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
    });
    const marked = comments.flatMap((comment) => {
        const marker = (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .parseMarker */ .gY)(comment.body);
        return marker?.key === key ? [{ comment, marker }] : [];
    });
    if (marked.length === 0)
        return [];
    const login = await (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenLogin */ .nu)(octokit);
    const sticky = [];
    for (const { comment, marker } of marked) {
        if (!(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .isAuthoredBy */ .mx)(comment.user, login))
            continue;
        sticky.push({
            id: comment.id,
            nodeId: comment.node_id,
            url: comment.html_url,
            body: comment.body ?? '',
            marker,
            createdAt: comment.created_at,
        });
    }
    return sticky.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}
/**
 * Writes the sticky comment. `body` may depend on the marker of the comment it replaces (review records are
 * carried over). `update` edits the oldest of our comments; if concurrent runs left several, the newer
 * ones are deleted after the write, so one comment per key remains.
 */
async function publishPlanComment(octokit, options) {
    const { owner, repo, issueNumber, key, mode } = options;
    if (typeof options.body === 'string')
        assertPublishableBody(options.body, key);
    if (mode === 'off')
        return { action: 'skipped' };
    const render = (previous, identityUnknown) => {
        const text = typeof options.body === 'string' ? options.body : options.body(previous, identityUnknown);
        assertPublishableBody(text, key);
        return text;
    };
    let existing;
    try {
        existing = await findStickyComments(octokit, { owner, repo, issueNumber, key });
    }
    catch (error) {
        const failure = failed(error, `Could not read the comments of pull request #${issueNumber}`);
        if (!failure.identityUnknown)
            return failure;
        // Our earlier comment cannot be told from anyone's: a new one shows the current plan, and says so.
        return postWithoutIdentity(octokit, { owner, repo, issueNumber }, render(undefined, true), failure);
    }
    const sticky = options.edit === 'newest' ? existing.at(-1) : existing[0];
    const edits = mode === 'update' || mode === 'changes-only';
    const ref = { owner, repo, issueNumber, key };
    if (edits && sticky)
        return editSticky(octokit, ref, sticky, existing, render, options.edit);
    // No comment while nothing changes; once there is one, it is updated (above) to say so.
    if (mode === 'changes-only' && options.changes === false)
        return { action: 'skipped' };
    return postNew(octokit, ref, existing, render, mode);
}
/** Edits our comment in place (`update`, `changes-only`), unless it says this already. */
async function editSticky(octokit, ref, sticky, existing, render, edit) {
    const { owner, repo, issueNumber } = ref;
    const body = render(recordCarrier(existing)?.marker);
    // Saying the same again edits nothing, but only where nothing else needs the write: the comment is the
    // one carrying the records, and no duplicate of concurrent runs is left to remove.
    const alone = edit === 'newest' || existing.length === 1;
    if (alone && recordCarrier(existing) === sticky && sameReport(sticky.body, body)) {
        return { action: 'unchanged', commentId: sticky.id, url: sticky.url };
    }
    try {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: sticky.id, body });
        const result = { action: 'updated', commentId: data.id, url: data.html_url };
        if (edit === 'newest')
            return result;
        const warning = await removeNewer(octokit, ref, sticky.id, existing);
        return warning ? { ...result, warning } : result;
    }
    catch (error) {
        return failed(error, `Could not update the plan comment on pull request #${issueNumber}`);
    }
}
/** Posts a comment: the first one, or with `new` one per run (the older ones folded away). */
async function postNew(octokit, ref, existing, render, mode) {
    const { owner, repo, issueNumber } = ref;
    let created;
    try {
        const body = render(recordCarrier(existing)?.marker);
        const { data } = await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body,
        });
        created = { action: 'created', commentId: data.id, url: data.html_url };
        if (mode === 'update' || mode === 'changes-only') {
            // Another run may have created one at the same time: the older stays and gets this body.
            const warning = await keepOldest(octokit, ref, data.id, body);
            if (warning)
                created.warning = warning;
        }
    }
    catch (error) {
        return failed(error, `Could not comment the plan on pull request #${issueNumber}`);
    }
    if (mode === 'new' && existing.length > 0) {
        const warning = await minimizeOutdated(octokit, existing);
        if (warning)
            created.warning = warning;
    }
    return created;
}
async function postWithoutIdentity(octokit, { owner, repo, issueNumber }, body, failure) {
    try {
        const { data } = await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body,
        });
        return {
            action: 'created',
            commentId: data.id,
            url: data.html_url,
            identityUnknown: true,
            warning: `${failure.warning ?? ''} A new plan comment was posted; the next run that can tell its identity keeps one.`,
        };
    }
    catch (error) {
        return {
            ...failed(error, `Could not comment the plan on pull request #${issueNumber}`),
            identityUnknown: true,
        };
    }
}
/** The comment whose marker carries the review records: the newest with any, else the newest. */
function recordCarrier(comments) {
    return [...comments].reverse().find((c) => (c.marker.records ?? []).length > 0) ?? comments.at(-1);
}
/** After creating `createdId`: when an older comment of ours exists, it gets `body` and the new one goes. */
async function keepOldest(octokit, ref, createdId, body) {
    const now = await findStickyComments(octokit, ref);
    const oldest = now[0];
    if (!oldest || oldest.id === createdId)
        return removeNewer(octokit, ref, createdId, now);
    await octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: oldest.id, body });
    return removeNewer(octokit, ref, oldest.id, now);
}
/** Deletes our comments for the key other than `keepId` (left by concurrent runs); a failure is a warning. */
async function removeNewer(octokit, ref, keepId, known) {
    const comments = known ?? (await findStickyComments(octokit, ref));
    const problems = [];
    for (const comment of comments) {
        if (comment.id === keepId)
            continue;
        try {
            await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: comment.id });
        }
        catch (error) {
            if (!(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .isGitHubError */ .e0)(error))
                throw error;
            problems.push(`${comment.id} (${(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubError */ .dZ)(error)})`);
        }
    }
    if (problems.length === 0)
        return undefined;
    return `Could not delete the duplicate plan comments ${problems.join(', ')} left by concurrent runs; the oldest one is current.`;
}
/** The footer line: the plan hash, the head, the time of the plan and the run (see plan-markdown.ts). */
const FOOTER = /^<sub>.*okta-app-connections<\/sub>$/m;
/**
 * Whether `after` would say nothing `before` does not already say, so `before` can stay unedited: the same
 * marker (plan, head, state, review records) and the same visible text. Only what says which run wrote it
 * may differ: the run id and digest in the marker, the footer (run link, plan time), and a new review record
 * that repeats the last one but for its run, time and digest (a re-run of an unchanged plan on the same
 * head; the kept record names a plan run of that head just as well). `before` must still be the text its
 * write recorded (`bodyDigest`), or the edit restores it.
 */
function sameReport(before, after) {
    const [a, b] = [(0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .parseMarker */ .gY)(before), (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .parseMarker */ .gY)(after)];
    if (!a || !b)
        return false;
    if (a.bodyDigest !== undefined && a.bodyDigest !== (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .digestOfVisible */ .Mq)(before))
        return false;
    return (JSON.stringify(comparableMarker(a)) === JSON.stringify(comparableMarker(b)) &&
        visibleReport(before) === visibleReport(after));
}
/** A marker without what only names the writing run; consecutive records that differ only so count once. */
function comparableMarker(marker) {
    const { runId: _run, bodyDigest: _digest, records, ...rest } = marker;
    const comparable = (records ?? []).map(({ runId: _r, at: _a, bodyDigest: _d, ...record }) => JSON.stringify(record));
    const collapsed = comparable.filter((record, index) => record !== comparable[index - 1]);
    return { ...rest, records: collapsed };
}
function visibleReport(body) {
    return (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .visibleText */ .Q6)(body).replace(FOOTER, '');
}
const MINIMIZED_QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized } } }`;
/** The comments not folded yet (REST does not say): one query per 100; unknown ones count as not folded. */
async function notMinimized(octokit, comments) {
    const folded = new Set();
    for (let start = 0; start < comments.length; start += 100) {
        const ids = comments.slice(start, start + 100).map((comment) => comment.nodeId);
        try {
            const { nodes } = await octokit.graphql(MINIMIZED_QUERY, { ids });
            for (const node of nodes ?? [])
                if (node?.isMinimized === true && node.id)
                    folded.add(node.id);
        }
        catch (error) {
            if (!(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .isGitHubError */ .e0)(error))
                throw error;
        }
    }
    return comments.filter((comment) => !folded.has(comment.nodeId));
}
/** Folds the older plan comments as "outdated" (those not folded yet); a failure only costs a warning. */
async function minimizeOutdated(octokit, comments) {
    const problems = [];
    for (const comment of await notMinimized(octokit, comments)) {
        try {
            await octokit.graphql(MINIMIZE_MUTATION, { id: comment.nodeId });
        }
        catch (error) {
            if (!(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .isGitHubError */ .e0)(error))
                throw error;
            problems.push(`${comment.id} (${(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubError */ .dZ)(error)})`);
        }
    }
    if (problems.length === 0)
        return undefined;
    return `Could not minimize the older plan comments ${problems.join(', ')}. They stay visible; the newest comment is current.`;
}
/** Caller bugs, caught before anything is sent: an over-long body or one that the next run would not find. */
function assertPublishableBody(body, key) {
    // UTF-16 length is never below GitHub's character count, so this bound is safe.
    if (body.length > _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMENT_LIMIT */ .W) {
        throw new Error(`The plan comment is ${body.length} characters long; GitHub accepts at most ${_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMENT_LIMIT */ .W}. The comment renderer must shorten it.`);
    }
    if ((0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .parseMarker */ .gY)(body)?.key !== key) {
        throw new Error(`The plan comment body must start with the okta-app-connections marker for key "${key}".`);
    }
}
function failed(error, what) {
    if (!(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .isGitHubError */ .e0)(error))
        throw error;
    if (error instanceof _octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .UnknownIdentityError */ .pr) {
        return { action: 'failed', identityUnknown: true, warning: `${what}: ${(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubError */ .dZ)(error)}` };
    }
    const status = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .githubErrorStatus */ .m9)(error);
    const hint = status === 403 || status === 404
        ? ' Give the workflow `permissions: pull-requests: write`. Pull requests from forks get a read-only token; there the plan is only in the job summary.'
        : status === 401
            ? ' Check the `github-token` input. The plan is in the job summary.'
            : ' The plan is in the job summary.';
    return { action: 'failed', warning: `${what} (${(0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubError */ .dZ)(error)}).${hint}` };
}


/***/ }),

/***/ 1679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ SUMMARY_LIMIT),
/* harmony export */   W: () => (/* binding */ COMMENT_LIMIT)
/* harmony export */ });
/** GitHub's limits for what the action writes: the renderers take a limit, the shell knows GitHub's. */
/** GitHub's limit for a comment (and an issue) body. */
const COMMENT_LIMIT = 65_536;
/** GitHub's limit for a job summary. */
const SUMMARY_LIMIT = 1024 * 1024;


/***/ }),

/***/ 4329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ renderMarker),
/* harmony export */   Mq: () => (/* binding */ digestOfVisible),
/* harmony export */   Q6: () => (/* binding */ visibleText),
/* harmony export */   gY: () => (/* binding */ parseMarker)
/* harmony export */ });
/* unused harmony export MARKER_VERSION */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The hidden marker that starts every comment and issue body this action writes:
 * `<!-- okta-app-connections {json} -->`. It says which org/folder (`key`) a body belongs to and which
 * plan it shows, so later runs find and update their own comment and apply can check the reviewed plan.
 * A marker proves nothing by itself (anyone can type one): a body counts as ours only when the token's
 * identity wrote it (see comment.ts and drift-issue.ts).
 *
 * `v` is the format version. Each release writes MARKER_VERSION and reads every earlier version, so a plan
 * reviewed before an upgrade still counts at merge; a marker from a newer release is not understood and
 * counts as no marker. A new version gets its own reader in READERS; older readers stay.
 */

const MARKER_VERSION = 2;
/** The states a marker records: every state a report has, and only those. */
const MARKER_STATES = {
    planned: true,
    applied: true,
    'apply-failed': true,
    'plan-changed': true,
};
const PREFIX = '<!-- okta-app-connections ';
const SUFFIX = ' -->';
// Only a marker at the very start counts: a reply that quotes our comment must not pass for ours.
const MARKER_PATTERN = /^\s*<!-- okta-app-connections ([\s\S]*?) -->/;
// A JSON string literal, escapes included.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;
function renderMarker(data) {
    // A caller's `v` never overrides the version this release writes.
    const { key, planHash, headSha, state, v: _ignored, ...extra } = data;
    const json = JSON.stringify({ v: MARKER_VERSION, key, planHash, headSha, state, ...extra });
    return `${PREFIX}${escapeForHtmlComment(json)}${SUFFIX}`;
}
/** The marker at the start of `body`, or undefined for no marker, someone else's or a broken one. */
function parseMarker(body) {
    if (typeof body !== 'string')
        return undefined;
    const match = MARKER_PATTERN.exec(body);
    if (!match?.[1])
        return undefined;
    let value;
    try {
        value = JSON.parse(match[1]);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return undefined;
    const read = READERS.get(value.v);
    return read?.(value);
}
/**
 * `-->` (or `--!>`) inside the JSON would end the HTML comment and show the rest. Structural JSON has no
 * `-` pairs, `<` or `>`, so escaping them inside string literals is enough and stays valid JSON.
 */
function escapeForHtmlComment(json) {
    return json.replace(JSON_STRING, (literal) => literal
        .replace(/-(?=-)/g, '\\u002d')
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e'));
}
/** Version 1: `{v: 1, key, planHash, headSha, state, runId?, ...extra}`. */
function readV1(value) {
    const data = value;
    const valid = typeof data.key === 'string' &&
        typeof data.planHash === 'string' &&
        typeof data.headSha === 'string' &&
        typeof data.state === 'string' &&
        Object.hasOwn(MARKER_STATES, data.state) &&
        (data.runId === undefined || typeof data.runId === 'number');
    return valid ? data : undefined;
}
/** Version 2: version 1 plus `bodyDigest` and `records`; malformed records are dropped (they prove nothing). */
function readV2(value) {
    const data = readV1(value);
    if (!data)
        return undefined;
    const { bodyDigest, records } = data;
    if (bodyDigest !== undefined && typeof bodyDigest !== 'string')
        return undefined;
    return { ...data, records: Array.isArray(records) ? records.filter(isReviewRecord) : [] };
}
function isReviewRecord(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const record = value;
    const connections = record.connections;
    return (typeof record.planHash === 'string' &&
        typeof record.pr === 'number' &&
        typeof record.headSha === 'string' &&
        typeof record.runId === 'number' &&
        typeof record.at === 'string' &&
        typeof record.bodyDigest === 'string' &&
        typeof connections === 'object' &&
        connections !== null &&
        !Array.isArray(connections) &&
        Object.values(connections).every((hash) => typeof hash === 'string'));
}
/** One reader per version this release understands: every version up to MARKER_VERSION. */
const READERS = new Map([
    [1, readV1],
    [2, readV2],
]);
/** The visible part of a body the marker starts: what `bodyDigest` covers. */
function visibleText(body) {
    const match = MARKER_PATTERN.exec(body);
    return match ? body.slice(match[0].length) : body;
}
/** sha256 of a body's visible text: what `bodyDigest` holds. */
function digestOfVisible(body) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(visibleText(body), 'utf8').digest('hex');
}


/***/ }),

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C3: () => (/* binding */ githubNow),
/* harmony export */   Qi: () => (/* binding */ createOctokit),
/* harmony export */   dZ: () => (/* binding */ describeGitHubError),
/* harmony export */   e0: () => (/* binding */ isGitHubError),
/* harmony export */   m9: () => (/* binding */ githubErrorStatus),
/* harmony export */   mx: () => (/* binding */ isAuthoredBy),
/* harmony export */   nu: () => (/* binding */ tokenLogin),
/* harmony export */   pr: () => (/* binding */ UnknownIdentityError)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(311);


/**
 * Builds the octokit every GitHub helper takes. `baseUrl` is for GHES or a test server; without it the
 * toolkit's default applies (GITHUB_API_URL, read when @actions/github is imported).
 */
function createOctokit(token, baseUrl) {
    // Passing `baseUrl: undefined` would override the toolkit's default with nothing.
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, baseUrl === undefined ? { userAgent: _version_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._ } : { userAgent: _version_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._, baseUrl });
    octokit.hook.after('request', (response) => {
        const date = Date.parse(String(response.headers.date ?? ''));
        if (Number.isFinite(date))
            githubClocks.set(octokit, date);
    });
    return octokit;
}
// The `Date` of GitHub's latest answer per octokit: GitHub's clock, which stamps reviews and comments.
const githubClocks = new WeakMap();
/**
 * GitHub's time just after its latest answer (whose `Date` has whole seconds: the next second), else the
 * runner's, whose clock may be off.
 */
function githubNow(octokit) {
    const known = octokit && githubClocks.get(octokit);
    return known === undefined ? new Date() : new Date(known + 1000);
}
/** GitHub answered, but not in the shape its API promises. */
class UnexpectedAnswerError extends Error {
    name = 'UnexpectedGitHubAnswer';
}
/** GitHub could not say who the token is: our comments cannot be told from anyone's. */
class UnknownIdentityError extends UnexpectedAnswerError {
}
const VIEWER_QUERY = 'query { viewer { login } }';
/** The identity behind the workflow's default GITHUB_TOKEN, which neither GraphQL `viewer` nor `GET /user` may name. */
const ACTIONS_BOT = 'github-actions[bot]';
// One question per octokit (one token): every comment and issue lookup of a run shares the answer.
const tokenLogins = new WeakMap();
/**
 * The login of the identity behind the token: `github-actions[bot]` for the workflow's GITHUB_TOKEN, the
 * user of a PAT, `<app>[bot]` for a GitHub App token. Asks GraphQL `viewer`, then REST `GET /user`; when
 * both are refused with 403 (an installation token such as the default GITHUB_TOKEN), it is
 * `github-actions[bot]`. Anything else is an error (the caller says so). A failure is not remembered.
 */
function tokenLogin(octokit) {
    let login = tokenLogins.get(octokit);
    if (!login) {
        login = askLogin(octokit);
        login.catch(() => tokenLogins.delete(octokit));
        tokenLogins.set(octokit, login);
    }
    return login;
}
async function askLogin(octokit) {
    let viewerError;
    try {
        const { viewer } = await octokit.graphql(VIEWER_QUERY);
        if (typeof viewer?.login === 'string' && viewer.login !== '')
            return viewer.login;
        viewerError = new UnexpectedAnswerError('GraphQL viewer named no login');
    }
    catch (error) {
        if (!isGitHubError(error))
            throw error;
        viewerError = error;
    }
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        if (typeof data.login === 'string' && data.login !== '')
            return data.login;
    }
    catch (error) {
        if (!isGitHubError(error))
            throw error;
        const graphqlForbidden = /FORBIDDEN|not accessible by integration/i.test(describeGitHubError(viewerError));
        const viewerRefused = githubErrorStatus(viewerError) === 403 || graphqlForbidden;
        if (githubErrorStatus(error) === 403 && viewerRefused)
            return ACTIONS_BOT;
        throw new UnknownIdentityError(`GitHub did not say which identity the github-token belongs to (GraphQL viewer: ${describeGitHubError(viewerError)}; GET /user: ${describeGitHubError(error)}).`);
    }
    throw new UnknownIdentityError('GitHub did not say which identity the github-token belongs to (GraphQL viewer and GET /user named no login).');
}
/** True when a comment's or issue's `user` is `login`. GitHub logins are unique regardless of case. */
function isAuthoredBy(user, login) {
    return typeof user?.login === 'string' && user.login.toLowerCase() === login.toLowerCase();
}
/** True for failures GitHub answered (RequestError, GraphQL errors) or could not be reached. */
function isGitHubError(error) {
    if (!(error instanceof Error))
        return false;
    return ['HttpError', 'GraphqlResponseError', 'UnexpectedGitHubAnswer'].includes(error.name);
}
/** The HTTP status of a GitHub failure, or undefined (GraphQL errors arrive with 200). */
function githubErrorStatus(error) {
    const status = error?.status;
    return typeof status === 'number' && status > 0 ? status : undefined;
}
/** "HTTP 403: Resource not accessible by integration": GitHub's own message, without the request. */
function describeGitHubError(error) {
    if (!(error instanceof Error))
        return String(error);
    if (error instanceof UnexpectedAnswerError)
        return error.message;
    const graphqlErrors = error.errors;
    if (error.name === 'GraphqlResponseError' && Array.isArray(graphqlErrors)) {
        return `GraphQL: ${graphqlErrors.map((e) => String(e.message)).join('; ')}`;
    }
    const response = error.response;
    // Octokit reports a request that got no answer (refused, DNS, TLS) as status 500 without a response.
    if (!response)
        return `GitHub could not be reached: ${error.message}`;
    const message = typeof response.data?.message === 'string' ? response.data.message : error.message;
    return `HTTP ${githubErrorStatus(error) ?? '?'}: ${message}`;
}


/***/ }),

/***/ 2816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentTarget: () => (/* binding */ commentTarget),
  planInAction: () => (/* binding */ planInAction),
  planSettingsOf: () => (/* binding */ planSettingsOf),
  reportPlanBasics: () => (/* binding */ reportPlanBasics)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/plan/plan.ts + 3 modules
var plan_plan = __webpack_require__(6860);
// EXTERNAL MODULE: ./src/render/plan-markdown.ts
var plan_markdown = __webpack_require__(4095);
// EXTERNAL MODULE: ./src/github/limits.ts
var limits = __webpack_require__(1679);
// EXTERNAL MODULE: ./src/render/plan-text.ts
var plan_text = __webpack_require__(6349);
// EXTERNAL MODULE: ./src/run/plan.ts
var run_plan = __webpack_require__(8446);
// EXTERNAL MODULE: ./src/github/action-run.ts
var action_run = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/github/runner.ts + 19 modules
var runner = __webpack_require__(1881);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/github/octokit.ts
var github_octokit = __webpack_require__(6702);
// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(7318);
// EXTERNAL MODULE: ./src/github/marker.ts
var github_marker = __webpack_require__(4329);
;// CONCATENATED MODULE: ./src/github/drift-issue.ts




const DRIFT_LABEL = 'okta-drift';
async function syncDriftIssue(octokit, options) {
    const { owner, repo, key, drifted, body, closeComment } = options;
    if (body.length > limits/* COMMENT_LIMIT */.W) {
        throw new Error(`The drift issue body is ${body.length} characters long; GitHub accepts at most ${limits/* COMMENT_LIMIT */.W}.`);
    }
    if ((0,github_marker/* parseMarker */.gY)(body)?.key !== key) {
        throw new Error(`The drift issue body must start with the okta-app-connections marker for key "${key}".`);
    }
    try {
        const open = await findOpenDriftIssues(octokit, owner, repo, key);
        if (drifted)
            return await upsert(octokit, options, open[0]);
        if (open.length === 0)
            return { action: 'unchanged' };
        // Normally one; duplicates (e.g. from a concurrent run) are closed too.
        for (const issue of open) {
            await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: issue.number,
                body: closeComment,
            });
            await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: issue.number,
                state: 'closed',
                state_reason: 'completed',
            });
        }
        return { action: 'closed', number: open[0]?.number, url: open[0]?.url };
    }
    catch (error) {
        if (!(0,github_octokit/* isGitHubError */.e0)(error))
            throw error;
        throw new Error(`Could not update the drift issue for ${key} (${(0,github_octokit/* describeGitHubError */.dZ)(error)}).${hintFor(error)}`, {
            cause: error,
        });
    }
}
/**
 * Open issues (not PRs) that the token's identity opened with the marker for `key`, newest first: those
 * with the drift label, else (an unlabelled one, or none yet) every open issue.
 */
async function findOpenDriftIssues(octokit, owner, repo, key) {
    const list = (labels) => octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: 'open',
        per_page: 100,
        ...(labels && { labels }),
    });
    const markedIn = (issues) => issues.filter((issue) => !issue.pull_request && (0,github_marker/* parseMarker */.gY)(issue.body)?.key === key);
    let marked = markedIn(await list(DRIFT_LABEL));
    if (marked.length === 0)
        marked = markedIn(await list());
    if (marked.length === 0)
        return [];
    const login = await (0,github_octokit/* tokenLogin */.nu)(octokit);
    return marked
        .filter((issue) => (0,github_octokit/* isAuthoredBy */.mx)(issue.user, login))
        .sort((a, b) => b.number - a.number)
        .map((issue) => ({
        number: issue.number,
        url: issue.html_url,
        title: issue.title,
        body: issue.body ?? '',
    }));
}
async function upsert(octokit, { owner, repo, title, body }, existing) {
    if (existing) {
        // The same drift as last time: nothing to edit (only the run that found it would differ).
        if (existing.title === title && (0,comment/* sameReport */.XT)(existing.body, body)) {
            return { action: 'unchanged', number: existing.number, url: existing.url };
        }
        await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, title, body });
        return { action: 'updated', number: existing.number, url: existing.url };
    }
    const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels: [DRIFT_LABEL] });
    const result = { action: 'opened', number: data.number, url: data.html_url };
    const labelled = data.labels.some((label) => (typeof label === 'string' ? label : label.name) === DRIFT_LABEL);
    // GitHub silently drops labels when the token may not set them; unlabelled, the next run would not find it.
    if (!labelled) {
        result.warning = `GitHub did not set the "${DRIFT_LABEL}" label on issue #${data.number} (the token may not set labels here), so it is found by its marker alone. Add the label by hand to make it easy to filter.`;
    }
    return result;
}
function hintFor(error) {
    const status = (0,github_octokit/* githubErrorStatus */.m9)(error);
    if (status === 403 || status === 404 || status === 410) {
        return ' Give the workflow `permissions: issues: write` and make sure issues are enabled for the repository.';
    }
    return '';
}

;// CONCATENATED MODULE: ./src/github/drift.ts






/** On schedule: one open issue while the org drifts from the repository, closed once in sync. */
async function runDriftCheck(target, plan, report) {
    const { octokit, context, secrets } = target;
    if (!octokit) {
        (0,runner/* warning */.$e)('drift-issue is on but there is no `github-token`: no drift issue was written.');
        return;
    }
    // Connections that cannot be read keep the issue open too: nobody knows they are in sync.
    const drifted = plan.changes || plan.counts.errors > 0;
    const marker = (0,github_marker/* renderMarker */.Bd)({
        key: plan.key,
        planHash: plan.hash,
        headSha: context.sha,
        state: 'planned',
        runId: context.runId,
    });
    const label = report.label ?? plan.key;
    // No merge is coming here: say what differs and the two ways to end it. The run is linked in the footer,
    // so a later check that finds the same drift leaves the issue as it is.
    const intro = [
        `Okta org ${(0,markdown/* code */.aY)(plan.org)} differs from the definitions in ${(0,markdown/* code */.aY)(plan.path)}: someone changed it outside this repository, or a merged change was not applied.`,
        '',
        'To fix it, either:',
        '- keep what Okta has: change the definitions to match it in a pull request (its plan then shows no change for these connections), or',
        `- restore the definitions: run the apply workflow by hand with \`command: apply\` and \`plan-hash: ${plan.hash}\` (this plan; a later change in Okta makes the apply refuse, and the next check shows the new plan).`,
        '',
        'This issue is updated by each scheduled check and closed once Okta matches the definitions again.',
    ].join('\n');
    const body = secrets.redact((0,plan_markdown/* renderPlanMarkdown */.d)(plan, {
        state: 'planned',
        purpose: 'drift',
        headSha: context.sha,
        ...report,
        notes: [intro],
    }, limits/* COMMENT_LIMIT */.W, `${marker}\n`));
    try {
        const result = await syncDriftIssue(octokit, {
            owner: context.owner,
            repo: context.repo,
            key: plan.key,
            drifted,
            title: `Okta drift: ${label} differs from the definitions`,
            body,
            closeComment: `Okta ${(0,markdown/* escapeMarkdown */.FV)(label)} matches the definitions again (checked in [this run](${context.runUrl})). Closing.`,
        });
        if (result.warning)
            (0,runner/* warning */.$e)(secrets.redact(result.warning));
        (0,runner/* info */.pq)(`Drift issue: ${result.action}${result.url ? ` ${result.url}` : ''}`);
    }
    catch (error) {
        (0,runner/* warning */.$e)(secrets.redact(error instanceof Error ? error.message : String(error)));
    }
}

;// CONCATENATED MODULE: ./src/github/labels.ts


const PLAN_LABELS = {
    'okta:changes': { color: 'fbca04', description: 'The Okta plan of this pull request changes connections' },
    'okta:deactivation': {
        color: 'd93f0b',
        description: 'The Okta plan deactivates a connection: provisioning stops for its users',
    },
    'okta:no-changes': { color: '0e8a16', description: 'The Okta plan of this pull request changes nothing' },
};
/** The labels a plan earns: a deactivation is a change too, and says so on its own. */
function planLabels(plan) {
    if (!plan.changes)
        return ['okta:no-changes'];
    return plan.counts.toDeactivate > 0 ? ['okta:changes', 'okta:deactivation'] : ['okta:changes'];
}
async function labelPullRequest(target, issueNumber, plan) {
    const { octokit, context } = target;
    if (!octokit) {
        (0,runner/* warning */.$e)('pr-labels is on but there is no `github-token`: the pull request was not labelled.');
        return;
    }
    // Connections that could not be planned may change or not: the labels stay as they were.
    if (!plan.changes && plan.counts.errors > 0)
        return;
    try {
        const changed = await syncPlanLabels(octokit, {
            owner: context.owner,
            repo: context.repo,
            issueNumber,
            wanted: planLabels(plan),
        });
        if (changed)
            (0,runner/* info */.pq)(`Pull request labels: ${planLabels(plan).join(', ')}`);
    }
    catch (error) {
        if (!(0,github_octokit/* isGitHubError */.e0)(error))
            throw error;
        const status = (0,github_octokit/* githubErrorStatus */.m9)(error);
        const hint = status === 403 || status === 404
            ? ' Give the workflow `permissions: pull-requests: write` (and `issues: write` to create the labels). Pull requests from forks get a read-only token.'
            : '';
        (0,runner/* warning */.$e)(target.secrets.redact(`Could not label pull request #${issueNumber} (${(0,github_octokit/* describeGitHubError */.dZ)(error)}).${hint}`));
    }
}
/** Adds the `wanted` labels the issue lacks and removes our others; returns whether anything changed. */
async function syncPlanLabels(octokit, { owner, repo, issueNumber, wanted, }) {
    const { data } = await octokit.rest.issues.listLabelsOnIssue({
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
    });
    const current = new Set(data.map((label) => label.name));
    const stale = Object.keys(PLAN_LABELS).filter((name) => current.has(name) && !wanted.includes(name));
    const missing = wanted.filter((name) => !current.has(name));
    for (const name of stale) {
        await octokit.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name });
    }
    if (missing.length > 0) {
        for (const name of missing)
            await createLabel(octokit, owner, repo, name);
        await octokit.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: missing });
    }
    return stale.length + missing.length > 0;
}
/** Creates the label with its colour; one that exists already (422) is kept as the repository has it. */
async function createLabel(octokit, owner, repo, name) {
    try {
        await octokit.rest.issues.createLabel({ owner, repo, name, ...PLAN_LABELS[name] });
    }
    catch (error) {
        if ((0,github_octokit/* githubErrorStatus */.m9)(error) !== 422)
            throw error;
    }
}

// EXTERNAL MODULE: ./src/github/events.ts
var events = __webpack_require__(4254);
// EXTERNAL MODULE: ./src/github/outputs.ts
var outputs = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/plan/git.ts
var plan_git = __webpack_require__(6347);
// EXTERNAL MODULE: ./src/plan/scope.ts + 1 modules
var scope = __webpack_require__(5429);
;// CONCATENATED MODULE: ./src/github/scope.ts


/**
 * Which connections the action's plan reads (the `scope` input). `auto` is `changed` on `pull_request` and
 * `push`, `all` otherwise. `changed` compares the base and the checkout: on a pull request the base is the
 * first parent of GitHub's merge commit (whose second parent must be the pull request's head), else the
 * payload's base sha; on a push, the commit before the push (which covers rebase merges of several commits).
 * When that commit is missing (a shallow checkout) or git cannot answer, the plan reads everything and says
 * why, with advice on `fetch-depth`: never a guess.
 */
async function scopeOfEvent(setting, event, workspace, git = plan_git/* runGit */.E) {
    const changedAsked = setting === 'changed' || (setting === 'auto' && (event.name === 'pull_request' || event.name === 'push'));
    if (!changedAsked)
        return { mode: 'all' };
    try {
        const commits = await commitsToCompare(git, workspace, event);
        return 'fallback' in commits
            ? { mode: 'all', fallback: commits.fallback }
            : { mode: 'changed', ...commits };
    }
    catch (error) {
        if (error instanceof plan_git/* GitError */.X)
            return { mode: 'all', fallback: (0,scope/* gitFallback */.x)(error) };
        throw error;
    }
}
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Reasons are plain text: the reports escape them as they escape any text. */
const FETCH_DEPTH = 'set fetch-depth: 2 on actions/checkout';
/** The base and head commits an event compares, or why it cannot say. */
async function commitsToCompare(git, cwd, event) {
    let head;
    try {
        head = (await git(cwd, ['rev-parse', '--verify', 'HEAD^{commit}'])).toString('utf8').trim();
    }
    catch (error) {
        return { fallback: `the workspace is not a git checkout (${error.message})` };
    }
    const exists = (sha) => git(cwd, ['cat-file', '-e', `${sha}^{commit}`]).then(() => true, () => false);
    const { payload } = event;
    if (event.name === 'pull_request') {
        const prHead = shaOf(payload.pull_request?.head?.sha);
        const prBase = shaOf(payload.pull_request?.base?.sha);
        // `rev-list --parents` lists no parent that a shallow checkout cut off.
        const [, first, second, ...more] = (await git(cwd, ['rev-list', '--parents', '-n', '1', head]))
            .toString('utf8')
            .trim()
            .split(' ');
        const isPullMerge = first && second && more.length === 0 && (!prHead || second === prHead);
        const base = isPullMerge ? first : prBase;
        if (!base) {
            return { fallback: `the pull request's base commit is not in the checkout (${FETCH_DEPTH})` };
        }
        if (!(await exists(base))) {
            return {
                fallback: `the pull request's base commit ${scope_short(base)} is not in the checkout (${FETCH_DEPTH})`,
            };
        }
        return { base, head };
    }
    if (event.name === 'push') {
        const before = shaOf(payload.before);
        const after = shaOf(payload.after);
        if (after && after !== head) {
            return { fallback: `the checkout (${scope_short(head)}) is not the pushed commit ${scope_short(after)}` };
        }
        if (!before || /^0+$/.test(before)) {
            return { fallback: 'the push has no earlier commit to compare with (it created the branch)' };
        }
        if (!(await exists(before))) {
            return {
                fallback: `the commit before the push (${scope_short(before)}) is not in the checkout (${FETCH_DEPTH}; a rebase merge of several commits needs one more per commit, or fetch-depth: 0)`,
            };
        }
        return { base: before, head };
    }
    return {
        fallback: `scope changed compares the commits of a pull request or a push; this run is ${event.name}`,
    };
}
function shaOf(value) {
    return typeof value === 'string' && SHA.test(value) ? value : undefined;
}
function scope_short(sha) {
    return sha.slice(0, 7);
}

// EXTERNAL MODULE: ./src/github/publish.ts
var publish = __webpack_require__(7184);
// EXTERNAL MODULE: ./src/github/report.ts + 1 modules
var github_report = __webpack_require__(2031);
;// CONCATENATED MODULE: ./src/github/plan.ts
/** `plan` in the action: outputs, plan file, log, job summary, the PR comment and the drift issue. */

















async function planInAction(run) {
    const { settings, context, ports } = run;
    const okta = (0,action_run/* requireOkta */.v)(settings, 'plan');
    const outcome = await (0,run_plan/* runPlan */.F)(await planSettingsOf(run, okta), ports);
    const target = commentTarget(run);
    if (outcome.kind === 'invalid') {
        (0,github_report/* reportDefinitions */.d)(outcome.loaded, { problems: outcome.problems, stopped: 'plan' });
        if ((0,events/* isPullRequestEvent */.T)(context) && context.pullRequestNumber) {
            await (0,publish/* publishInvalidComment */.o)(target, context.pullRequestNumber, (0,plan_plan/* planKey */.vH)(okta.orgUrl, settings.definitions.path), outcome.problems, outcome.loaded.unlisted);
        }
        return;
    }
    const { plan } = outcome;
    await reportPlanBasics(plan, context, ports.secrets);
    (0,outputs/* setOutputs */.n0)({ 'failure-reason': (0,outputs/* planFailureReason */._G)(plan) });
    (0,runner/* logGroup */.QT)('Okta plan', () => ports.logger.info((0,plan_text/* renderPlanText */.$)(plan)));
    const report = {
        state: 'planned',
        headSha: context.headSha,
        runUrl: context.runUrl,
        runNumber: context.runNumber,
        plannedAt: new Date(),
        ...(settings.label && { label: settings.label }),
    };
    (0,runner/* appendSummary */.fe)(ports.secrets.redact((0,plan_markdown/* renderPlanMarkdown */.d)(plan, report, limits/* SUMMARY_LIMIT */.J)));
    if ((0,events/* isPullRequestEvent */.T)(context) && context.pullRequestNumber) {
        await (0,publish/* publishComment */.p)(target, context.pullRequestNumber, plan, { ...report, headSha: context.headSha }, { pr: context.pullRequestNumber });
    }
    if ((0,events/* isPullRequestEvent */.T)(context) && context.pullRequestNumber && settings.prLabels) {
        await labelPullRequest(target, context.pullRequestNumber, plan);
    }
    if (context.eventName === 'schedule' && settings.driftIssue)
        await runDriftCheck(target, plan, report);
    if (plan.counts.errors > 0) {
        (0,runner/* setFailed */.C1)(`${plan.counts.errors} connection(s) could not be planned; see the errors above and in the job summary.`);
    }
}
/** Where comments go; without a token, nowhere (a warning says so). */
function commentTarget({ settings, context, ports }) {
    const octokit = settings.githubToken ? (0,github_octokit/* createOctokit */.Qi)(settings.githubToken, context.apiUrl) : undefined;
    return {
        octokit,
        context,
        secrets: ports.secrets,
        mode: settings.comment,
        ...(settings.label && { label: settings.label }),
    };
}
/** The plan's outputs and its JSON file under RUNNER_TEMP (redacted like everything else). */
async function reportPlanBasics(plan, context, secrets) {
    const file = external_node_path_default().join(context.runnerTemp, 'okta-app-connections', `plan-${context.runId}.json`);
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, `${secrets.redact(JSON.stringify(plan, null, 2))}\n`);
    (0,outputs/* setOutputs */.n0)({
        changes: plan.changes ? 'true' : 'false',
        'plan-hash': plan.hash,
        'plan-file': file,
        'to-configure': plan.counts.toConfigure,
        'to-activate': plan.counts.toActivate,
        'to-deactivate': plan.counts.toDeactivate,
        'to-update-features': plan.counts.toUpdateFeatures,
        unchanged: plan.counts.unchanged,
        errors: plan.counts.errors,
        'consent-needed': plan.counts.toConsent,
    });
}
/** What plan and apply share: the definitions, the org, rotations, and the scope this event asks for. */
async function planSettingsOf({ settings, context }, okta) {
    return {
        ...settings.definitions,
        okta,
        rotateSecrets: settings.rotateSecrets,
        scope: await scopeOfEvent(settings.scope, { name: context.eventName, payload: context.payload }, settings.definitions.workspace),
    };
}


/***/ }),

/***/ 7184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ publishInvalidComment),
/* harmony export */   p: () => (/* binding */ publishComment)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1881);
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2495);
/* harmony import */ var _render_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5394);
/* harmony import */ var _render_plan_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4095);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1679);
/* harmony import */ var _comment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7318);
/* harmony import */ var _plan_hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2239);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4329);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6702);









/** How many earlier review records a comment keeps (approvals are matched against them), and their size. */
const RECORDS_KEPT = 20;
const RECORDS_BUDGET = 24_000;
/**
 * Writes the plan (and apply result) as the sticky comment of a PR; a failure is a warning, never fatal.
 * A plan run (`record`) adds a review record; every other write carries the records over unchanged.
 */
async function publishComment(target, issueNumber, plan, report, record) {
    const { context, secrets } = target;
    const fullPlanAt = `the job summary of [this run](${context.runUrl}) and its plan file`;
    const render = (previous, identityUnknown) => {
        const notes = identityUnknown ? [IDENTITY_UNKNOWN_NOTE, ...(report.notes ?? [])] : report.notes;
        const visible = (budget) => secrets.redact(`\n${(0,_render_plan_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .renderPlanMarkdown */ .d)(plan, { ...report, fullPlanAt, ...(notes && { notes }) }, budget)}`);
        const marker = (records, bodyDigest) => (0,_marker_js__WEBPACK_IMPORTED_MODULE_5__/* .renderMarker */ .Bd)({
            key: plan.key,
            planHash: plan.hash,
            headSha: report.headSha,
            state: report.state,
            runId: context.runId,
            bodyDigest,
            records,
        });
        // Digests have a fixed length: measure the marker with a placeholder, fit the visible text, then fill in.
        const placeholder = '0'.repeat(64);
        let records = previous?.records ?? [];
        if (record) {
            const at = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_6__/* .githubNow */ .C3)(target.octokit);
            records = [...records, reviewRecord(plan, record.pr, report.headSha, context.runId, at, placeholder)];
            while (records.length > RECORDS_KEPT ||
                (records.length > 1 && JSON.stringify(records).length > RECORDS_BUDGET)) {
                records = records.slice(1);
            }
        }
        const shown = visible(_limits_js__WEBPACK_IMPORTED_MODULE_7__/* .COMMENT_LIMIT */ .W - marker(records, placeholder).length - 1);
        const digest = (0,_marker_js__WEBPACK_IMPORTED_MODULE_5__/* .digestOfVisible */ .Mq)(shown);
        if (record)
            records = [...records.slice(0, -1), { ...records.at(-1), bodyDigest: digest }];
        return `${marker(records, digest)}${shown}`;
    };
    // Outcomes always edit: the sticky comment, or with `comment: new` the current one.
    const outcome = report.state !== 'planned';
    await sendComment(target, issueNumber, plan.key, render, outcome ? 'update' : target.mode, outcome && target.mode === 'new', plan.changes || plan.counts.errors > 0);
}
const IDENTITY_UNKNOWN_NOTE = "> ⚠️ GitHub could not say which identity this run's token is, so an earlier plan comment of this action could not be found and updated: this comment holds the current plan.";
/** The record of what this plan run showed: every connection it covered, unchanged ones too when scoped. */
function reviewRecord(plan, pr, headSha, runId, at, bodyDigest) {
    // A plan that read everything names only what changes: drift it did not touch stays out of the review.
    const covered = plan.connections.filter((c) => plan.scope?.mode === 'changed' || c.operations.length > 0 || c.error);
    return {
        planHash: plan.hash,
        connections: Object.fromEntries(covered.map((c) => [c.appId, (0,_plan_hash_js__WEBPACK_IMPORTED_MODULE_4__/* .connectionChangeHash */ .HL)(c)])),
        pr,
        headSha,
        runId,
        at: at.toISOString(),
        bodyDigest,
    };
}
/**
 * Invalid definitions on a PR: the sticky comment says so (with the problems) instead of keeping an older
 * plan that no longer holds. Its empty plan hash can never match a plan, so a merge applies nothing.
 */
async function publishInvalidComment(target, issueNumber, key, problems, unlisted) {
    const { context } = target;
    const marker = (0,_marker_js__WEBPACK_IMPORTED_MODULE_5__/* .renderMarker */ .Bd)({
        key,
        planHash: '',
        headSha: context.headSha,
        state: 'planned',
        runId: context.runId,
    });
    const { errors } = (0,_render_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .countProblems */ ._k)(problems, unlisted);
    const head = [
        marker,
        `### ❌ Okta plan for ${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .code */ .aY)(target.label ?? key)}: ${errors} problem${errors === 1 ? '' : 's'} in the definitions, no plan was made`,
        '',
        `Fix the problems below (they are also annotated on the changed files), then push again. [Workflow run](${context.runUrl})`,
        '',
    ].join('\n');
    // Fewer rows until the comment fits; the problems left out are counted (the job summary lists more).
    const body = (shown) => head +
        (0,_render_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .problemsMarkdown */ .KK)(problems.slice(0, shown), undefined, (0,_render_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .countProblems */ ._k)(problems.slice(shown), unlisted));
    let shown = problems.length;
    while (body(shown).length > _limits_js__WEBPACK_IMPORTED_MODULE_7__/* .COMMENT_LIMIT */ .W && shown > 0)
        shown = Math.floor(shown / 2);
    await sendComment(target, issueNumber, key, body(shown), target.mode);
}
async function sendComment(target, issueNumber, key, markdown, mode, editNewest = false, changes = true) {
    const { octokit, context, secrets } = target;
    if (mode === 'off')
        return;
    if (!octokit) {
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)('No `github-token`: the plan was not posted as a PR comment (it is in the job summary).');
        return;
    }
    // Redaction can only shorten the text (secrets are longer than the mask), so the limit still holds.
    const result = await (0,_comment_js__WEBPACK_IMPORTED_MODULE_3__/* .publishPlanComment */ .uq)(octokit, {
        owner: context.owner,
        repo: context.repo,
        issueNumber,
        key,
        body: typeof markdown === 'string' ? secrets.redact(markdown) : markdown,
        mode,
        ...(editNewest && { edit: 'newest' }),
        changes,
    });
    if (result.warning)
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(secrets.redact(result.warning));
    else if (result.url)
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`PR comment ${result.action}: ${result.url}`);
    else if (result.action === 'skipped' && mode === 'changes-only')
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)('No PR comment: the plan changes nothing in Okta (comment: changes-only).');
}


/***/ }),

/***/ 6347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ runGit),
/* harmony export */   X: () => (/* binding */ GitError)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

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
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', [...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
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


/***/ }),

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

/***/ 5429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ gitFallback),
  q: () => (/* binding */ resolvePlanScope)
});

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
// EXTERNAL MODULE: ./src/plan/git.ts
var plan_git = __webpack_require__(6347);
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
    const git = request.git ?? plan_git/* runGit */.E;
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
    const git = request.git ?? plan_git/* runGit */.E;
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
        if (error instanceof plan_git/* GitError */.X)
            return all(gitFallback(error));
        throw error;
    }
}
/** Why a plan reads everything when git failed. Reasons are plain text: the reports escape them. */
function gitFallback(error) {
    return `git could not compare the commits (${error.message})`;
}


/***/ }),

/***/ 7967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   Ow: () => (/* binding */ changeLines),
/* harmony export */   fs: () => (/* binding */ changesOf),
/* harmony export */   rI: () => (/* binding */ sourceText),
/* harmony export */   vs: () => (/* binding */ scopeNote)
/* harmony export */ });
/* unused harmony export showValue */
/* harmony import */ var _resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9768);
/* harmony import */ var _resources_features_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9389);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5933);



/**
 * Words shared by the markdown and terminal renderings, so both say the same thing. What one resource says
 * of itself is in its render.ts (src/resources/NAME/render.ts).
 */
function countsLine(plan) {
    const { counts } = plan;
    const consent = counts.toConsent > 0 ? ` (${counts.toConsent} then waiting for an admin's consent)` : '';
    const parts = [
        `${counts.toConfigure} to configure${consent}`,
        `${counts.toActivate} to activate`,
        `${counts.toDeactivate} to deactivate`,
        `${counts.unchanged} unchanged`,
    ];
    if (counts.toUpdateFeatures > 0)
        parts.splice(3, 0, (0,_resources_features_render_js__WEBPACK_IMPORTED_MODULE_1__/* .featuresToUpdateText */ .T$)(counts.toUpdateFeatures));
    if (counts.errors > 0)
        parts.push(`${counts.errors} error${counts.errors === 1 ? '' : 's'}`);
    return parts.join(', ');
}
function showValue(value) {
    return value === null ? 'not set' : value;
}
/** A connection's compared fields, then its provisioning-feature settings that change. */
function changesOf(connection) {
    return [...connection.changes, ...(connection.features ?? [])];
}
/**
 * The lines of `changesOf(connection)` (those `only` keeps), each as its resource reads it. Drift is marked
 * unless `markDrift` is false (a table of drift alone needs no mark).
 */
function changeLines(connection, quote, { markDrift = true, only = () => true, } = {}) {
    return [
        ...connection.changes.filter(only).map((change) => (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .fieldChangeText */ .qI)(change, quote, connection, markDrift)),
        ...(connection.features ?? []).filter(only).map((change) => (0,_resources_features_render_js__WEBPACK_IMPORTED_MODULE_1__/* .featureChangeText */ .E6)(change, quote, markDrift)),
    ];
}
/** Which definitions the plan read, when not simply all of them; `text` renders the fallback reason. */
function scopeNote(plan, quote, text) {
    const { scope } = plan;
    if (!scope || (scope.mode === 'all' && !scope.fallback))
        return undefined;
    if (scope.mode === 'all') {
        return `Scope: read all ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(plan.counts.total, 'definition')}: ${text(scope.fallback ?? '')}.`;
    }
    const since = scope.base ? ` since ${quote(scope.base.slice(0, 7))}` : '';
    const read = plan.counts.total === 0
        ? `no definition changed${since}`
        : `read the ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(plan.counts.total, 'definition')} changed${since}`;
    const unread = scope.unread === 0
        ? ''
        : `; ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(scope.unread, 'unchanged definition')} ${scope.unread === 1 ? 'was' : 'were'} not read (the scheduled drift check reads them)`;
    return `Scope: ${read}${unread}.`;
}
function sourceText(connection) {
    return `${connection.source.file}:${connection.source.line}`;
}


/***/ }),

/***/ 4095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ renderPlanMarkdown)
/* harmony export */ });
/* harmony import */ var _resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9768);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7967);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2495);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5394);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5933);





const MARKDOWN = { quote: _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY, text: _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV };
/** How many deactivated connections the warning names; the rest are counted. */
const DEACTIVATIONS_NAMED = 20;
/**
 * The plan (and apply result) as markdown for the PR comment and the job summary. Fits `limit` (the shell
 * knows GitHub's): the details go first, then table rows beyond what fits; the headline and counts stay.
 */
function renderPlanMarkdown(plan, context, limit, prefix = '') {
    const scope = (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .scopeNote */ .vs)(plan, _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY, _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV);
    const head = [
        prefix,
        headline(plan, context),
        '',
        ...(scope ? [scope, ''] : []),
        ...(context.notes ?? []).flatMap((note) => [note, '']),
    ];
    const outcome = context.apply && new Map(context.apply.results.map((result) => [result.appId, result]));
    const applied = context.apply ? applySection(context.apply) : [];
    const drift = context.purpose === 'drift';
    const deactivations = deactivationWarning(plan, outcome, drift);
    const changing = plan.connections.filter((c) => c.operations.length > 0);
    const errors = plan.connections.filter((c) => c.error);
    const foot = footer(plan, context);
    const details = detailsSection(plan, outcome);
    const warnings = plan.warnings.length > 0 ? [(0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .problemsMarkdown */ .KK)(plan.warnings, 'Warnings')] : [];
    const rotation = (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .rotationSkippedNote */ .pW)(plan, MARKDOWN);
    // Each row is rendered once; the search below only re-joins them. On a pull request, what someone
    // changed in Okta gets its own table, so that it stands out from what the pull request changes.
    const changeRows = changing.flatMap((connection) => drift || onlyDrift(connection) ? [] : [changeRow(connection, outcome)]);
    const driftRows = changing.flatMap((connection) => drift || hasDrift(connection) ? [driftRow(connection, outcome, drift)] : []);
    const errorRows = errors.map(errorRow);
    const assemble = (rows, withDetails, cut) => [
        ...head,
        ...deactivations,
        ...applied,
        ...changeTable(changeRows, rows),
        ...driftTable(driftRows, rows, drift, outcome !== undefined),
        ...(rotation ? [`ℹ️ ${rotation}`, ''] : []),
        ...errorSection(errorRows, rows),
        ...warnings,
        ...(withDetails ? details : []),
        ...(cut ? [cutNote(context)] : []),
        foot,
    ]
        .join('\n')
        .replace(/\n{3,}/g, '\n\n');
    const allRows = Math.max(changeRows.length, driftRows.length, errorRows.length);
    const full = assemble(allRows, true, false);
    if (full.length <= limit)
        return full;
    const withoutDetails = assemble(allRows, false, true);
    if (withoutDetails.length <= limit)
        return withoutDetails;
    // Keep as many rows of each table as fit: binary search over the row count, among the rows whose
    // text alone fits (so each step joins at most about `limit` characters, whatever the plan's size).
    let low = 0;
    let high = rowsWithin([changeRows, driftRows, errorRows], limit);
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (assemble(mid, false, true).length <= limit)
            low = mid;
        else
            high = mid - 1;
    }
    return assemble(low, false, true).slice(0, limit);
}
function headline(plan, context) {
    const org = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(context.label ?? plan.key);
    const run = runName(context);
    const sha = context.headSha ? ` at \`${context.headSha.slice(0, 7)}\`` : '';
    const counts = (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .countsLine */ .J7)(plan);
    switch (context.state) {
        case 'applied':
            return `### ✅ Okta connections applied to ${org} in ${run}${sha}\n\n${applyCounts(context.apply)}`;
        case 'apply-failed':
            return `### ❌ Okta apply to ${org} failed in ${run}${sha}\n\n${applyCounts(context.apply)}`;
        case 'plan-changed':
            return `### ⚠️ Okta plan for ${org} changed since review: nothing was applied\n\nNew plan: ${counts}.`;
        default: {
            if (context.purpose === 'drift' && plan.changes) {
                return `### ⚠️ Okta drift for ${org}: Okta differs from the definitions\n\nTo bring Okta back in line with the definitions: ${counts}.`;
            }
            const icon = plan.counts.errors > 0 ? '❌' : plan.changes ? '📝' : '✅';
            const what = plan.changes ? 'changes to apply on merge' : 'no changes: Okta matches the definitions';
            return `### ${icon} Okta plan for ${org}: ${what}\n\n${counts}.`;
        }
    }
}
/** `[run #12](…)`: a bare `#12` would link (and notify) the issue or pull request of that number. */
function runName(context) {
    if (!context.runNumber)
        return 'this run';
    return context.runUrl ? `[run #${context.runNumber}](${context.runUrl})` : `run ${context.runNumber}`;
}
function applyCounts(report) {
    if (!report)
        return '';
    const parts = [`${report.applied} applied`, `${report.failed} failed`];
    if (report.consentNeeded > 0)
        parts.push(`${report.consentNeeded} waiting for consent`);
    return `${parts.join(', ')}.`;
}
/** Once apply ran: whether the write-only values were sent (with a configure that went through). */
function secretsSet(connection, outcome) {
    return outcome && (outcome.get(connection.appId)?.done.includes('configure') ?? false);
}
/** The operations as planned or, once apply ran, as carried out. */
function operationsCell(connection, outcome) {
    return (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .outcomeText */ .EL)(connection, outcome?.get(connection.appId));
}
/**
 * Above everything else: deactivating a connection stops provisioning for every user assigned to the
 * app. Before apply, the connections that will be; after, those that were.
 */
function deactivationWarning(plan, outcome, drift) {
    const deactivated = plan.connections.filter((connection) => outcome
        ? outcome.get(connection.appId)?.done.includes('deactivate')
        : connection.operations.includes('deactivate'));
    if (deactivated.length === 0)
        return [];
    const more = deactivated.length - DEACTIVATIONS_NAMED;
    return [
        '> [!WARNING]',
        `> **${drift ? (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .driftDeactivationHeadline */ .pr)(deactivated.length) : (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .deactivationHeadline */ .q3)(deactivated.length, outcome !== undefined)}.**`,
        '>',
        ...deactivated
            .slice(0, DEACTIVATIONS_NAMED)
            .map((connection) => `> - ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(connection.name)} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(connection.appId)}`),
        ...(more > 0 ? [`> - … and ${more} more`] : []),
        '',
    ];
}
/** How many rows of every table together fit in `limit` characters, counting their text alone. */
function rowsWithin(tables, limit) {
    let size = 0;
    const rows = Math.max(...tables.map((table) => table.length));
    for (let i = 0; i < rows; i++) {
        // Each row and its line break; a doc with i + 1 rows in each table is at least this long.
        for (const table of tables)
            if (table[i] !== undefined)
                size += table[i].length + 1;
        if (size > limit)
            return i;
    }
    return rows;
}
function changeTable(rows, shown) {
    if (rows.length === 0)
        return [];
    const lines = [
        '#### Changes',
        '',
        '| Connection | App id | Operations | Changes |',
        '| --- | --- | --- | --- |',
        ...rows.slice(0, shown),
    ];
    if (shown < rows.length)
        lines.push('', `… and ${rows.length - shown} more changing connections, not shown here.`);
    return [...lines, ''];
}
/** Someone changed this connection in Okta, and the pull request did not touch it. */
function onlyDrift(connection) {
    const changes = (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .changesOf */ .fs)(connection);
    return changes.length > 0 && changes.every(_words_js__WEBPACK_IMPORTED_MODULE_4__/* .isDrift */ ._K) && connection.writeOnly.length === 0;
}
function hasDrift(connection) {
    return (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .changesOf */ .fs)(connection).some(_words_js__WEBPACK_IMPORTED_MODULE_4__/* .isDrift */ ._K);
}
/**
 * Changes made in Okta outside the repository, in a section of their own (as tfcmt's "changes outside
 * Terraform"). On the drift issue every difference is listed there.
 */
function driftTable(rows, shown, drift, applied) {
    if (rows.length === 0)
        return [];
    const intro = drift
        ? 'Someone changed these in Okta, or a merged change was not applied. Each row shows what Okta has now → what the definitions say.'
        : applied
            ? 'Someone had changed these in Okta; the apply put back what the definitions say.'
            : 'Someone changed these in Okta; this pull request does not change them. The apply on merge puts back what the definitions say, unless the definitions are changed to match Okta.';
    const lines = [
        drift
            ? '#### Where Okta differs from the definitions'
            : `#### Changes made in Okta outside this repository`,
        '',
        intro,
        '',
        `| Connection | App id | ${drift ? 'Apply would' : 'Operations'} | Okta now → definitions |`,
        '| --- | --- | --- | --- |',
        ...rows.slice(0, shown),
    ];
    if (shown < rows.length)
        lines.push('', `… and ${rows.length - shown} more, not shown here.`);
    return [...lines, ''];
}
function driftRow(connection, outcome, drift) {
    const cells = (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .changeLines */ .Ow)(connection, cellCode, { markDrift: false, only: drift ? undefined : _words_js__WEBPACK_IMPORTED_MODULE_4__/* .isDrift */ ._K });
    if (drift)
        cells.push(...connection.writeOnly.map((value) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .writeOnlyText */ .V)(value))));
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .tableRow */ .jD)([
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(connection.name),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(connection.appId),
        operationsCell(connection, outcome),
        cells.join('<br>') || '—',
    ]);
}
/** How many characters of a value a table cell shows; the details and the plan file have it all. */
const CELL_VALUE_CHARS = 80;
/** A value in a table cell: long ones are cut, so no cell stretches the table past the page. */
function cellCode(text) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(text.length > CELL_VALUE_CHARS ? `${text.slice(0, CELL_VALUE_CHARS - 1)}…` : text);
}
function changeRow(connection, outcome) {
    const set = secretsSet(connection, outcome);
    const cells = [
        ...(0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .changeLines */ .Ow)(connection, cellCode, { markDrift: false, only: (change) => !(0,_words_js__WEBPACK_IMPORTED_MODULE_4__/* .isDrift */ ._K)(change) }),
        ...connection.writeOnly.map((value) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .writeOnlyText */ .V)(value, set))),
        ...(!outcome && (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .consentNote */ .$$)(connection) ? [`⚠️ ${(0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .consentNote */ .$$)(connection)}`] : []),
    ];
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .tableRow */ .jD)([
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(connection.name),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(connection.appId),
        operationsCell(connection, outcome),
        cells.join('<br>') || '—',
    ]);
}
function errorSection(rows, shown) {
    if (rows.length === 0)
        return [];
    const more = rows.length - Math.min(shown, rows.length);
    return [
        '#### Could not be planned',
        '',
        '| Connection | App id | Where | Problem |',
        '| --- | --- | --- | --- |',
        ...rows.slice(0, shown),
        ...(more > 0 ? ['', `… and ${more} more connections that could not be planned, not shown here.`] : []),
        '',
    ];
}
function errorRow(connection) {
    const at = connection.error?.at ?? connection.source;
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .tableRow */ .jD)([
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(connection.name),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(connection.appId),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(`${at.file}:${at.line}`),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .messageMarkdown */ .zv)(connection.error?.message ?? ''),
    ]);
}
function applySection(report) {
    const shown = report.results.filter((result) => result.status !== 'unchanged');
    if (shown.length === 0)
        return [];
    return [
        '#### Apply results',
        '',
        '| Connection | App id | Result | Detail |',
        '| --- | --- | --- | --- |',
        ...shown.map((result) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .tableRow */ .jD)([(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(result.name), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(result.appId), resultText(result), resultDetail(result)])),
        '',
        // Keys are too long for a table cell: each goes in a block under the table, ready to copy.
        ...shown.flatMap(_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .publicKeyBlockMarkdown */ .Tb),
    ];
}
function resultText(result) {
    switch (result.status) {
        case 'applied':
            return `✅ ${(0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .doneText */ .ks)(result.done)}`;
        case 'consent-needed':
            return `⏳ consent needed`;
        case 'failed':
            return `❌ failed${result.error?.code ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(result.error.code)})` : ''}`;
        default:
            return 'no change';
    }
}
function resultDetail(result) {
    const parts = [];
    if (result.consentUrl)
        parts.push(`an Okta admin must grant consent: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .httpsLink */ .an)('open the consent page', result.consentUrl)}`);
    if (result.error)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .messageMarkdown */ .zv)(result.error.message));
    parts.push(...(0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .publicKeyCellMarkdown */ .uX)(result.publicKey));
    for (const mismatch of result.mismatches ?? []) {
        parts.push(`${mismatch.field}: Okta has ${cellCode(mismatch.before ?? 'not set')}, wanted ${cellCode(mismatch.after ?? 'not set')}`);
    }
    return parts.join('<br>') || '—';
}
function detailsSection(plan, outcome) {
    if (plan.connections.length === 0)
        return [];
    const blocks = plan.connections.map((connection) => {
        const lines = [
            `**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(connection.name)}** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(connection.appId)}${connection.appKind ? ` · ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(connection.appKind)}` : ''} · ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)((0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .sourceText */ .rI)(connection))} · ${operationsCell(connection, outcome)}`,
        ];
        if (connection.live) {
            lines.push(`- ${outcome ? 'before apply' : 'live'}: ${(0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .stateText */ .r9)(connection.live, _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)}`);
        }
        for (const line of (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .changeLines */ .Ow)(connection, _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY))
            lines.push(`- ${line}`);
        const set = secretsSet(connection, outcome);
        for (const value of connection.writeOnly)
            lines.push(`- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)((0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .writeOnlyText */ .V)(value, set))}`);
        if (connection.error)
            lines.push(`- error: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .messageMarkdown */ .zv)(connection.error.message)}`);
        return lines.join('\n');
    });
    return [
        `<details><summary>Details of all ${plan.connections.length} connections</summary>`,
        '',
        blocks.join('\n\n'),
        '',
        '</details>',
        '',
    ];
}
function cutNote(context) {
    return `> The full plan did not fit here. It is in ${context.fullPlanAt ?? 'the job summary and the plan file of the workflow run'}.\n`;
}
function footer(plan, context) {
    const parts = [`Plan hash ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(plan.hash)}`];
    if (context.headSha)
        parts.push(`${context.commitRole ?? 'head'} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(context.headSha.slice(0, 12))}`);
    if (context.plannedAt)
        parts.push(`${context.apply ? 'applied' : 'planned'} ${utcMinute(context.plannedAt)}`);
    if (context.runUrl)
        parts.push(`[workflow run](${context.runUrl})`);
    return `<sub>${parts.join(' · ')} · okta-app-connections</sub>\n`;
}
/** `2026-12-03 10:13 UTC`: the same for every reader, whatever their time zone. */
function utcMinute(date) {
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}


/***/ }),

/***/ 6349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ renderPlanText),
/* harmony export */   O: () => (/* binding */ renderApplyText)
/* harmony export */ });
/* harmony import */ var _resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9768);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7967);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2495);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5394);




/**
 * Untrusted text (names, labels, Okta errors and links, file names) stays on its line, after our own
 * prefix: it can never start a line of the log (where `::` would be a workflow command).
 */
const quote = (text) => JSON.stringify(text);
const DEACTIVATIONS_NAMED = 20;
const TEXT = { quote, text: _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN };
/** Keys and ids as they are: a JWK in quotes would be JSON inside JSON. */
const PLAIN = { quote: _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN, text: _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN };
/** The plan for a terminal, in the spirit of `terraform plan`. */
function renderPlanText(plan) {
    const lines = [`Okta plan for ${plan.org} (${plan.path})`, ''];
    const deactivating = plan.connections.filter((connection) => connection.operations.includes('deactivate'));
    if (deactivating.length > 0) {
        const names = deactivating
            .slice(0, DEACTIVATIONS_NAMED)
            .map((c) => `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(c.name)} (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(c.appId)})`);
        const more = deactivating.length > DEACTIVATIONS_NAMED
            ? ` and ${deactivating.length - DEACTIVATIONS_NAMED} more`
            : '';
        lines.push(`  WARNING: ${(0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .deactivationHeadline */ .q3)(deactivating.length, false)}: ${names.join(', ')}${more}.`, '');
    }
    for (const connection of plan.connections) {
        if (connection.operations.length === 0 && !connection.error)
            continue;
        lines.push(`  ${symbol(connection)} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(connection.name)} (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(connection.appId)}): ${(0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .operationsText */ .M7)(connection)}`);
        for (const line of (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .changeLines */ .Ow)(connection, quote))
            lines.push(`      ${line}`);
        for (const value of connection.writeOnly)
            lines.push(`      ${(0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .writeOnlyText */ .V)(value)}`);
        const note = (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .consentNote */ .$$)(connection);
        if (note)
            lines.push(`      note: ${note}`);
        if (connection.error)
            lines.push(`      error at ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)((0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .sourceText */ .rI)(connection))}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(connection.error.message)}`);
    }
    if (!plan.changes && plan.counts.errors === 0)
        lines.push('  No changes: Okta matches the definitions.');
    const skipped = (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .rotationSkippedNote */ .pW)(plan, TEXT);
    if (skipped)
        lines.push(`  note: ${skipped}`);
    if (plan.warnings.length > 0)
        lines.push('', (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .problemsText */ .u1)(plan.warnings));
    const scope = (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .scopeNote */ .vs)(plan, (text) => text, _markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN);
    if (scope)
        lines.push('', scope);
    lines.push('', `Plan: ${(0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .countsLine */ .J7)(plan)}.`, `Plan hash: ${plan.hash}`);
    return lines.join('\n');
}
function renderApplyText(report) {
    const lines = [];
    for (const result of report.results) {
        if (result.status === 'unchanged')
            continue;
        const what = result.status === 'applied'
            ? `applied (${(0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .doneText */ .ks)(result.done)})`
            : result.status === 'consent-needed'
                ? `consent needed: ${result.consentUrl ?? 'open the app in the Okta Admin Console'}`
                : `FAILED${result.error?.code ? ` [${result.error.code}]` : ''}: ${result.error?.message ?? ''}`;
        lines.push(`  - ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(result.name)} (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(result.appId)}): ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(what)}`);
        for (const line of result.publicKey ? (0,_resources_connection_render_js__WEBPACK_IMPORTED_MODULE_0__/* .publicKeyLines */ .qT)(result.publicKey, PLAIN) : []) {
            lines.push(`      ${line}`);
        }
        for (const mismatch of result.mismatches ?? []) {
            lines.push(`      ${mismatch.field}: Okta has ${quoteOrNotSet(mismatch.before)}, wanted ${quoteOrNotSet(mismatch.after)}`);
        }
    }
    lines.push('', `Apply: ${report.applied} applied, ${report.failed} failed, ${report.consentNeeded} waiting for consent.`);
    return lines.join('\n');
}
function quoteOrNotSet(value) {
    return value === null || value === undefined ? 'not set' : quote(value);
}
function symbol(connection) {
    if (connection.error)
        return '!';
    if (connection.operations.includes('deactivate'))
        return '-';
    if (connection.live?.status === 'UNKNOWN')
        return '+';
    return '~';
}


/***/ }),

/***/ 8446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ makePlan),
/* harmony export */   F: () => (/* binding */ runPlan)
/* harmony export */ });
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6860);
/* harmony import */ var _plan_scope_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5429);
/* harmony import */ var _okta_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7962);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8552);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7275);





/** `plan`: valid definitions, read live state (read-only), the plan. Nothing is written to Okta. */
async function runPlan(settings, ports) {
    const prepared = await (0,_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .prepareDefinitions */ .U)(settings, ports);
    if (!prepared.ok)
        return { kind: 'invalid', loaded: prepared.loaded, problems: prepared.problems };
    const client = (0,_okta_js__WEBPACK_IMPORTED_MODULE_2__/* .openOkta */ .OM)(settings.okta, 'read', ports);
    try {
        const { plan } = await makePlan(client, settings, prepared.connections, prepared.loaded, ports);
        ports.progress?.end();
        (0,_okta_js__WEBPACK_IMPORTED_MODULE_2__/* .reportNotRead */ .w3)(plan, client, ports.logger);
        return { kind: 'planned', loaded: prepared.loaded, plan: (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactedCopy */ .m)(ports.secrets, plan) };
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
        ? await (0,_plan_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .resolvePlanScope */ .q)({
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
    const plan = await (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .planConnections */ .dh)(reader, planned, {
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
