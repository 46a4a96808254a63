/**
 * `comment`: one sticky comment; the same but none while the pull request changes nothing in Okta
 * (`changes-only`); a new one each run (older ones minimized); or none.
 */
export const COMMENT_MODES = ['update', 'changes-only', 'new', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
