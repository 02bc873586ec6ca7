/**
 * GitHub refuses a search query longer than this many characters, qualifiers included (422 "The
 * search is longer than 256 characters."): a search over many repositories is split.
 */
export const MAX_SEARCH_QUERY_LENGTH = 256;

const length = (text: string) => [...text].length;

/**
 * The fewest queries (first fit, longest names first) that each hold `terms` and as many
 * `repo:` qualifiers as fit within GitHub's limit, and together name every repository once
 * (case-insensitively, as GitHub compares them). Repeated `repo:` qualifiers are ORed by GitHub,
 * so the union of the answers is the answer to the one query that would not fit.
 */
export function repositoryQueries(
  terms: readonly string[],
  repos: readonly string[],
  limit = MAX_SEARCH_QUERY_LENGTH,
): string[] {
  const base = terms.join(" ");
  const unique = [...new Map(repos.map((repo) => [repo.toLowerCase(), repo])).values()];
  const qualifiers = unique.map((repo) => `repo:${repo}`).sort((a, b) => length(b) - length(a));
  const queries: { parts: string[]; length: number }[] = [];
  for (const qualifier of qualifiers) {
    const cost = length(qualifier) + 1;
    if (length(base) + cost > limit)
      throw new RangeError(`a search for ${qualifier} does not fit GitHub's ${limit} characters`);
    const room = queries.find((query) => query.length + cost <= limit);
    if (room) {
      room.parts.push(qualifier);
      room.length += cost;
    } else queries.push({ parts: [qualifier], length: length(base) + cost });
  }
  return queries.map((query) => [base, ...query.parts].filter((part) => part !== "").join(" "));
}
