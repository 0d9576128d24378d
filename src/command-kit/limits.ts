// Lengths people's text is held to, shared by the dispatcher (which refuses very long text before
// parsing) and the commands (whose schemas say the same limit), so the two never disagree.

/** A search, in chat or in one's bookmarks: a few keywords work best, and 500 characters is plenty. */
export const MAX_QUERY_LENGTH = 500;
