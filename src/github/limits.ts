/** GitHub's limits for what the action writes: the renderers take a limit, the shell knows GitHub's. */

/** GitHub's limit for a comment (and an issue) body. */
export const COMMENT_LIMIT = 65_536;
/** GitHub's limit for a job summary. */
export const SUMMARY_LIMIT = 1024 * 1024;
