import { parseTimestamp } from "./quirks.js";
import type { CommentRecord, IssueRecord, LabelRecord, RepoRecord } from "./state.js";

/** What a search qualifier can look at. */
export interface SearchSubject {
  repo: RepoRecord;
  issue: IssueRecord;
  labels: LabelRecord[];
  comments: CommentRecord[];
}

type Predicate = (subject: SearchSubject) => boolean;

/** Qualifiers that GitHub ORs when repeated (`repo:a/b repo:c/d`); all others are ANDed. */
const OR_QUALIFIERS = new Set(["repo", "user", "org", "author"]);

const same = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();

/** `>=2026-01-01`, `<2026-02-01T10:00:00Z`, `2026-01-01..2026-01-31`, `2026-01-01..*`, or a day. */
function dateTest(value: string): ((ms: number) => boolean) | undefined {
  const comparison = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (comparison) {
    const [, operator, text = ""] = comparison;
    const bound = parseTimestamp(text);
    if (bound === undefined) return undefined;
    // A bare date compared with > or <= means the whole day, as GitHub reads it.
    const endOfDay = /^\d{4}-\d{2}-\d{2}$/.test(text) ? bound + 86_400_000 - 1 : bound;
    if (operator === ">=") return (ms) => ms >= bound;
    if (operator === ">") return (ms) => ms > endOfDay;
    if (operator === "<=") return (ms) => ms <= endOfDay;
    return (ms) => ms < bound;
  }
  const range = /^(.+)\.\.(.+)$/.exec(value);
  const [low, high] = range ? [range[1] ?? "", range[2] ?? ""] : [value, value];
  const from = low === "*" ? Number.NEGATIVE_INFINITY : parseTimestamp(low);
  const toStart = high === "*" ? Number.POSITIVE_INFINITY : parseTimestamp(high);
  if (from === undefined || toStart === undefined) return undefined;
  const to = /^\d{4}-\d{2}-\d{2}$/.test(high) ? toStart + 86_400_000 - 1 : toStart;
  return (ms) => ms >= from && ms <= to;
}

function dateOf(field: string, issue: IssueRecord): string | null | undefined {
  if (field === "created") return issue.createdAt;
  if (field === "updated") return issue.updatedAt;
  if (field === "closed") return issue.closedAt;
  if (field === "merged") return issue.pull?.mergedAt ?? null;
  return undefined;
}

function commentedBy(subject: SearchSubject, login: string): boolean {
  return subject.comments.some((comment) => same(comment.author, login));
}

/** `@login` as a whole handle: `@octocat` does not mention octo, nor does `@octocat-bot` mention octocat. */
function mentions(subject: SearchSubject, login: string): boolean {
  const escaped = login.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w@])@${escaped}(?![\\w-])`, "i").test(subject.issue.body ?? "");
}

/** The predicate of one qualifier, or undefined when GitHub would not understand it. */
function qualifier(key: string, value: string): Predicate | undefined {
  const values = value.split(",").filter((part) => part !== "");
  const any =
    (test: (part: string, subject: SearchSubject) => boolean): Predicate =>
    (subject) =>
      values.some((part) => test(part, subject));
  switch (key) {
    case "is":
    case "type":
    case "state":
      return isQualifier(value);
    case "repo":
      return any((part, { repo }) => same(`${repo.owner}/${repo.name}`, part));
    case "user":
    case "org":
      return any((part, { repo }) => same(repo.owner, part));
    case "author":
      return any((part, { issue }) => same(issue.author, part));
    case "assignee":
      return any((part, { issue }) => issue.assignees.some((login) => same(login, part)));
    case "label":
      return any((part, { labels }) => labels.some((label) => same(label.name, part)));
    case "milestone":
      return any((part, { repo, issue }) =>
        repo.milestones.some(
          (milestone) => milestone.number === issue.milestone && same(milestone.title, part),
        ),
      );
    case "commenter":
      return any((part, subject) => commentedBy(subject, part));
    case "mentions":
      return any((part, subject) => mentions(subject, part));
    case "involves":
      return any(
        (part, subject) =>
          same(subject.issue.author, part) ||
          subject.issue.assignees.some((login) => same(login, part)) ||
          commentedBy(subject, part) ||
          mentions(subject, part),
      );
    case "no":
      return value === "label"
        ? ({ labels }) => labels.length === 0
        : value === "milestone"
          ? ({ issue }) => issue.milestone === null
          : value === "assignee"
            ? ({ issue }) => issue.assignees.length === 0
            : undefined;
    case "created":
    case "updated":
    case "closed":
    case "merged": {
      const test = dateTest(value);
      if (!test) return undefined;
      return ({ issue }) => {
        const date = dateOf(key, issue);
        return typeof date === "string" && test(Date.parse(date));
      };
    }
    default:
      return undefined;
  }
}

function isQualifier(value: string): Predicate | undefined {
  switch (value.toLowerCase()) {
    case "pr":
    case "pull-request":
      return ({ issue }) => issue.pull !== null;
    case "issue":
      return ({ issue }) => issue.pull === null;
    case "open":
      return ({ issue }) => issue.state === "open";
    case "closed":
      return ({ issue }) => issue.state === "closed";
    case "merged":
      return ({ issue }) => Boolean(issue.pull?.mergedAt);
    case "unmerged":
      return ({ issue }) => issue.pull !== null && !issue.pull.mergedAt && issue.state === "closed";
    case "draft":
      return ({ issue }) => Boolean(issue.pull?.draft);
    case "locked":
      return ({ issue }) => issue.locked;
    case "unlocked":
      return ({ issue }) => !issue.locked;
    default:
      return undefined;
  }
}

/** GitHub's documented limits on a search query: its length in characters, and its boolean operators. */
export const MAX_QUERY_LENGTH = 256;
export const MAX_QUERY_OPERATORS = 5;

/** Why GitHub refuses `q` before searching (its message), or undefined when it does not. */
export function queryRefusal(q: string): string | undefined {
  if ([...q].length > MAX_QUERY_LENGTH) return `The search is longer than ${MAX_QUERY_LENGTH} characters.`;
  const operators = q.split(/\s+/).filter((word) => /^(AND|OR|NOT|&&|\|\|)$/.test(word)).length;
  if (operators > MAX_QUERY_OPERATORS) return "More than five AND / OR / NOT operators were used.";
  return undefined;
}

export interface ParsedSearch {
  matches: Predicate;
  /** Qualifiers the emulator does not understand; GitHub would search for them as text. */
  unknown: string[];
}

/**
 * The words of a text as issue search indexes them: runs of letters and digits, lowercased, each
 * stemmed. Everything else (spaces, punctuation, `_`, `-`, `:`) only separates words, so
 * "Week 5: parsers" holds week, 5 and parser; "eek" is no word of it.
 */
export function searchTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(stem);
}

/**
 * GitHub stems plurals only ("we do however do some stemming for plurals - so searching for
 * 'features' would find 'feature'", GitHub support quoted in todogroup/gh-issues#70). This is the
 * S-stemmer (Harman 1991; Lucene's EnglishMinimalStemmer): -ies to -y, -es and -s dropped, but not
 * -ss, -us, -aes, -ees, -oes.
 */
function stem(word: string): string {
  const length = word.length;
  if (length < 3 || !word.endsWith("s")) return word;
  const before = word[length - 2];
  if (before === "u" || before === "s") return word;
  if (before === "e") {
    const third = word[length - 3];
    const fourth = word[length - 4];
    if (length > 3 && third === "i" && fourth !== "a" && fourth !== "e") return `${word.slice(0, -3)}y`;
    if (third === "i" || third === "a" || third === "o" || third === "e") return word;
  }
  return word.slice(0, -1);
}

/** A free-text term: a word or a quoted phrase, as consecutive tokens; `negated` by `-` or `NOT`. */
interface TextTerm {
  tokens: string[];
  negated: boolean;
}

/** The fields a text term is looked for in, each on its own: a phrase never spans two of them. */
type Fields = string[][];

function fieldsOf(subject: SearchSubject, scope: readonly string[]): Fields {
  const fields: Fields = [];
  if (scope.includes("title")) fields.push(searchTokens(subject.issue.title));
  if (scope.includes("body")) fields.push(searchTokens(subject.issue.body ?? ""));
  if (scope.includes("comments"))
    for (const comment of subject.comments) fields.push(searchTokens(comment.body));
  return fields;
}

function contains(field: readonly string[], tokens: readonly string[]): boolean {
  for (let start = 0; start + tokens.length <= field.length; start++) {
    if (tokens.every((token, offset) => field[start + offset] === token)) return true;
  }
  return false;
}

function termMatches(term: TextTerm, fields: Fields): boolean {
  // A term of punctuation alone has no words: the index holds nothing to match or to exclude.
  if (term.tokens.length === 0) return true;
  const found = fields.some((field) => contains(field, term.tokens));
  return term.negated ? !found : found;
}

const TERM = /(-?)([A-Za-z][\w-]*):("(?:[^"]*)"(?:,"[^"]*")*|\S+)|(-?)"([^"]*)"|(\S+)/g;

/**
 * Parses GitHub's issue search syntax: qualifiers (`-` negates one), free words and quoted phrases
 * matched as whole words (see searchTokens), `in:` to choose among title, body and comments, and
 * the operators `NOT` (before a term) and `OR` (between terms); `AND` is what juxtaposition means.
 */
export function parseSearch(q: string): ParsedSearch {
  const grouped = new Map<string, Predicate[]>();
  const required: Predicate[] = [];
  /** Every clause must hold; a clause holds when any of its terms (joined by OR) does. */
  const clauses: TextTerm[][] = [];
  const unknown: string[] = [];
  let scope: string[] = ["title", "body", "comments"];
  let not = false;
  let or = false;
  const addTerm = (text: string, negated: boolean) => {
    const term = { tokens: searchTokens(text), negated: negated || not };
    const last = clauses[clauses.length - 1];
    if (or && last) last.push(term);
    else clauses.push([term]);
    not = false;
    or = false;
  };
  for (const match of q.matchAll(TERM)) {
    const [, negation, key, rawValue, phraseNegation, phrase, word] = match;
    if (key !== undefined && rawValue !== undefined) {
      const value = rawValue.replaceAll('"', "");
      if (key.toLowerCase() === "in") {
        scope = value.toLowerCase().split(",");
        continue;
      }
      const predicate = qualifier(key.toLowerCase(), value);
      if (!predicate) {
        unknown.push(match[0]);
        addTerm(`${key}:${rawValue}`, negation === "-");
        continue;
      }
      if (negation || not) required.push((subject) => !predicate(subject));
      else if (OR_QUALIFIERS.has(key.toLowerCase())) {
        grouped.set(key.toLowerCase(), [...(grouped.get(key.toLowerCase()) ?? []), predicate]);
      } else required.push(predicate);
      not = false;
      or = false;
    } else if (phrase !== undefined) {
      addTerm(phrase, phraseNegation === "-");
    } else if (word === "AND" || word === "&&") {
      // Terms are ANDed anyway.
    } else if (word === "OR" || word === "||") {
      or = true;
    } else if (word === "NOT") {
      not = true;
    } else if (word !== undefined) {
      const negated = word.startsWith("-") && word.length > 1;
      addTerm(negated ? word.slice(1) : word, negated);
    }
  }
  for (const alternatives of grouped.values())
    required.push((subject) => alternatives.some((test) => test(subject)));
  const searchedScope = scope; // the last in: holds for the whole query
  return {
    matches: (subject) => {
      if (!required.every((test) => test(subject))) return false;
      if (clauses.length === 0) return true;
      const fields = fieldsOf(subject, searchedScope);
      return clauses.every((clause) => clause.some((term) => termMatches(term, fields)));
    },
    unknown,
  };
}
