import type { Suggestion } from "./text.js";

/** How many newcomer issues a reminder lists. */
export const SUGGESTION_LIMIT = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Newcomer issues per set of target repositories, kept for a day: reminders for several phases or
 * learners with the same targets cost one search a day. A long-lived process (the app) keeps one.
 */
export class SuggestionCache {
  private readonly entries = new Map<string, { at: number; suggestions: Promise<Suggestion[]> }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(repos: readonly string[], read: () => Promise<Suggestion[]>): Promise<Suggestion[]> {
    const key = [...repos]
      .map((repo) => repo.toLowerCase())
      .sort()
      .join(" ");
    const cached = this.entries.get(key);
    if (cached && this.now() - cached.at < DAY_MS) return cached.suggestions;
    const suggestions = read();
    this.entries.set(key, { at: this.now(), suggestions });
    // A failed search is not kept: the next reminder tries again.
    suggestions.catch(() => this.entries.delete(key));
    return suggestions;
  }
}
