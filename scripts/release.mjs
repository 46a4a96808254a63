// Publishes a release for a pushed tag vX.Y.Z. Run by .github/workflows/release.yml in a checkout of the tag,
// and by scripts/release-dry-run.sh (with --dry-run) in a temporary clone:
//   1. the tag is vX.Y.Z, names the checked-out commit, and matches package.json's version;
//   2. CHANGELOG.md has a section for X.Y.Z: the release notes;
//   3. dist/ is what the sources at the tag build (users run dist/, reviewers read src/);
//   4. a GitHub release for the tag (--dry-run prints the request instead of sending it);
//   5. the major tag vX moves to the tag's commit and is pushed to origin, unless a higher vX.*.* exists
//      (a patch to an older line never moves users of vX backwards).
// Node's own modules only, so it runs before and without npm ci.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const SEMVER_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const onRunner = process.env.GITHUB_ACTIONS === 'true';

const [tag, ...flags] = process.argv.slice(2);
const dryRun = flags.includes('--dry-run');
try {
  await release(tag ?? '', dryRun);
} catch (error) {
  console.error(
    `${onRunner ? '::error::' : 'error: '}${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}

async function release(tag, dryRun) {
  const match = SEMVER_TAG.exec(tag);
  if (!match) throw new Error(`"${tag}" is not a release tag: expected vMAJOR.MINOR.PATCH, e.g. v0.2.0.`);
  const version = tag.slice(1);
  const major = `v${match[1]}`;

  step(`1. tag ${tag}: version ${version}, major tag ${major}`);
  const commit = git('rev-parse', `${tag}^{commit}`);
  const head = git('rev-parse', 'HEAD');
  if (commit !== head)
    throw new Error(`${tag} is ${commit}, but the checkout is ${head}: check out the tag.`);
  const packageVersion = JSON.parse(readFileSync('package.json', 'utf8')).version;
  if (packageVersion !== version) {
    throw new Error(`package.json says version ${packageVersion}, the tag says ${version}: bump it first.`);
  }
  console.log(`${tag} is commit ${commit}; package.json agrees.`);

  step(`2. release notes: the ${version} section of CHANGELOG.md`);
  const { heading, notes } = changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version);
  if (/unreleased/i.test(heading)) {
    warn(`CHANGELOG.md still calls ${version} "Unreleased" ("${heading}"): give it the release date.`);
  }
  console.log(notes);

  step('3. dist/ must be what the sources build');
  run('npm', ['run', 'bundle']);
  const stale = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' }).trimEnd();
  if (stale !== '') {
    throw new Error(
      `dist/ at ${tag} is not what its sources build; run 'npm run bundle', commit, tag again:\n${stale}`,
    );
  }
  console.log('dist/ matches the sources.');

  step(`4. GitHub release ${tag}`);
  await createRelease({ tag, notes, dryRun });

  step(`5. major tag ${major}`);
  const newest = newestOfMajor(major);
  if (newest !== tag) {
    console.log(`${newest} is newer than ${tag}: ${major} stays where it is.`);
    return;
  }
  const before = tryGit('rev-parse', `refs/tags/${major}^{commit}`);
  git('tag', '--force', major, commit);
  run('git', ['push', '--force', 'origin', `refs/tags/${major}`]);
  console.log(`${major}: ${before ? before.slice(0, 12) : '(new)'} -> ${commit.slice(0, 12)}`);
}

/** The body under `## X.Y.Z…` up to the next `## ` heading. */
function changelogSection(text, version) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) =>
    new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`).test(line),
  );
  if (start < 0) throw new Error(`CHANGELOG.md has no "## ${version}" section.`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const notes = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  if (notes === '') throw new Error(`The ${version} section of CHANGELOG.md is empty.`);
  return { heading: lines[start], notes };
}

/** The highest vMAJOR.x.y tag in the repository. */
function newestOfMajor(major) {
  const versions = git('tag', '--list', `${major}.*.*`)
    .split('\n')
    .map((name) => ({ name, parts: SEMVER_TAG.exec(name)?.slice(1).map(Number) }))
    .filter((tag) => tag.parts);
  versions.sort((a, b) => a.parts[1] - b.parts[1] || a.parts[2] - b.parts[2]);
  return versions.at(-1)?.name;
}

async function createRelease({ tag, notes, dryRun }) {
  const api = process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const repository = process.env.GITHUB_REPOSITORY ?? '<owner>/<repo>';
  const url = `${api}/repos/${repository}/releases`;
  const body = { tag_name: tag, name: tag, body: notes, draft: false, prerelease: false };
  if (dryRun) {
    console.log(
      `dry run: would POST ${url}\n${JSON.stringify({ ...body, body: '(the notes above)' }, null, 2)}`,
    );
    return;
  }
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new Error('GITHUB_TOKEN is not set: the release cannot be created.');
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 422 && answer.errors?.some((e) => e.code === 'already_exists')) {
    console.log(`The release ${tag} exists already (a re-run): left as it is.`);
    return;
  }
  if (!response.ok)
    throw new Error(`GitHub refused the release: HTTP ${response.status} ${answer.message ?? ''}`);
  console.log(`Created ${answer.html_url}`);
}

function step(title) {
  console.log(`\n== ${title}`);
}

function warn(message) {
  console.log(`${onRunner ? '::warning::' : 'warning: '}${message}`);
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' }).trim();
}

function tryGit(...args) {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit' });
}
