/**
 * Whose hidden markers syllabot believes. A portfolio is public: anyone may open an issue there, or
 * comment, and copy `<!-- syllabot:key=week-05 -->` or `<!-- syllabot:closed-by=… -->` into it.
 * A marker counts only in text written by syllabot itself (the identity its token acts as), by the
 * learner, or by an account the config names in `trusted_authors`; in any other account's issue or
 * comment it is ordinary text. Only an issue's author and the repository's writers can edit its
 * body, so an issue's author vouches for the markers in its body.
 */
export interface Trust {
  /** Lower-cased logins. */
  readonly logins: ReadonlySet<string>;
}

export function trustOf(input: {
  /** The login syllabot's token acts as (a user, or an app's `slug[bot]`). */
  self: string;
  learner?: string | undefined;
  others?: readonly string[] | undefined;
}): Trust {
  const logins = [input.self, ...(input.learner ? [input.learner] : []), ...(input.others ?? [])];
  return { logins: new Set(logins.map((login) => login.toLowerCase())) };
}

/** Whether text by this author may steer syllabot; a deleted account ("ghost", no user) never does. */
export function isTrustedAuthor(trust: Trust, login: string | null | undefined): boolean {
  return typeof login === "string" && trust.logins.has(login.toLowerCase());
}

/** The issues (and pull requests) opened by a trusted author, in order. */
export function trustedIssues<T extends { user?: { login: string } | null | undefined }>(
  trust: Trust,
  issues: readonly T[],
): T[] {
  return issues.filter((issue) => isTrustedAuthor(trust, issue.user?.login));
}

/** The comments written by a trusted author, in order. */
export function trustedComments<T extends { author?: string | undefined }>(
  trust: Trust,
  comments: readonly T[],
): T[] {
  return comments.filter((comment) => isTrustedAuthor(trust, comment.author));
}
