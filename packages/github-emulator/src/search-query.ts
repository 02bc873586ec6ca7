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

function mentions(subject: SearchSubject, login: string): boolean {
  return (subject.issue.body ?? "").toLowerCase().includes(`@${login.toLowerCase()}`);
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

const TERM = /(-?)([A-Za-z][\w-]*):("(?:[^"]*)"(?:,"[^"]*")*|\S+)|(-?)"([^"]*)"|(\S+)/g;

/** Parses GitHub's issue search syntax: qualifiers, negations, quoted phrases and free text. */
export function parseSearch(q: string): ParsedSearch {
  const grouped = new Map<string, Predicate[]>();
  const required: Predicate[] = [];
  const words: string[] = [];
  const unknown: string[] = [];
  let scope: string[] = ["title", "body", "comments"];
  for (const match of q.matchAll(TERM)) {
    const [, negation, key, rawValue, phraseNegation, phrase, word] = match;
    if (key !== undefined && rawValue !== undefined) {
      const value = rawValue.replaceAll('"', "");
      if (key.toLowerCase() === "in") {
        scope = value.split(",");
        continue;
      }
      const predicate = qualifier(key.toLowerCase(), value);
      if (!predicate) {
        unknown.push(match[0]);
        words.push(match[0]);
        continue;
      }
      if (negation) required.push((subject) => !predicate(subject));
      else if (OR_QUALIFIERS.has(key.toLowerCase())) {
        grouped.set(key.toLowerCase(), [...(grouped.get(key.toLowerCase()) ?? []), predicate]);
      } else required.push(predicate);
    } else if (phrase !== undefined) {
      const text = phrase.toLowerCase();
      required.push((subject) =>
        phraseNegation ? !haystack(subject, scope).includes(text) : haystack(subject, scope).includes(text),
      );
    } else if (word !== undefined) {
      words.push(word);
    }
  }
  for (const alternatives of grouped.values())
    required.push((subject) => alternatives.some((test) => test(subject)));
  for (const word of words) {
    const text = word.toLowerCase();
    required.push((subject) => haystack(subject, scope).includes(text));
  }
  return { matches: (subject) => required.every((test) => test(subject)), unknown };
}

function haystack(subject: SearchSubject, scope: readonly string[]): string {
  const parts: string[] = [];
  if (scope.includes("title")) parts.push(subject.issue.title);
  if (scope.includes("body")) parts.push(subject.issue.body ?? "");
  if (scope.includes("comments")) parts.push(...subject.comments.map((comment) => comment.body));
  return parts.join("\n").toLowerCase();
}
