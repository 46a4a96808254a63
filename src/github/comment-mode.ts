/** `comment`: one sticky comment, a new one each run (older ones minimized), or none. */
export const COMMENT_MODES = ['update', 'new', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
