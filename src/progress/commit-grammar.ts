/**
 * What a commit message claims: weeks finished, projects finished, time spent. The grammar is
 * read in one pass over words (and one over trailer lines), so any message costs linear time.
 *
 *   weeks:     closes week 5 · done week 05 · completes w5 · finished weeks 3 and 4 · week 5 done
 *   projects:  closes project csvq · completes project http-server · finished with project logr
 *   trailers:  Week: 5   Time: 1h30m | 90m | 1.5h   Problem: two-sum
 *
 * A project closes only on a finishing verb followed by the word "project" and its slug. Slugs are
 * ordinary words (api, server, deploy, docs), and "closes server connections" or "complete API
 * docs" is how people describe everyday work: a bare slug after a verb claims nothing, and neither
 * does a `Project:` trailer, which says what a commit is about, not that the project is finished.
 * Weeks keep their short forms: a week word right next to a number is not how prose is written
 * (test/progress/commit-grammar-corpus.test.ts holds both rules against real commit messages).
 *
 * A mention that finishes nothing ("started week 5", "not done week 5") claims nothing; numbers
 * outside the program and unknown projects are rejected with a reason, never guessed.
 */

export interface Program {
  totalWeeks: number;
  projectSlugs: ReadonlySet<string>;
}

export interface Rejection {
  text: string;
  reason: string;
}

export interface CommitClaims {
  weeks: number[];
  projects: string[];
  /** Minutes from `Time:` trailers. */
  minutes: number;
  /** DSA problems solved, one per `Problem:` trailer (its name, lower-cased). */
  problems: string[];
  rejected: Rejection[];
}

const FINISH_VERBS = new Set([
  "close",
  "closes",
  "closed",
  "complete",
  "completes",
  "completed",
  "finish",
  "finishes",
  "finished",
  "done",
]);
const NEGATIONS = new Set(["not", "never", "almost", "nearly", "half", "un", "partially", "partly"]);
const FILLERS = new Set(["with", "the", "off"]);
const JOINERS = new Set([",", "and", "&", "+"]);
const WEEK_WORDS = new Set(["week", "weeks", "wk", "wks", "w"]);
const PROJECT_WORDS = new Set(["project"]);
/** A trailer longer than this is not a trailer anyone wrote by hand. */
const MAX_TRAILER_VALUE = 100;
/** One commit can honestly claim at most a day, whatever number of Time: trailers it has. */
const MAX_MINUTES = 24 * 60;
/**
 * What one commit may finish: a push can carry any message, so one commit never closes a course.
 * A learner catching up names the rest in further commits (or closes the issues by hand).
 */
export const COMMIT_BOUNDS = { weeks: 4, projects: 2, problems: 10 } as const;

type Token =
  | { kind: "word"; text: string }
  | { kind: "number"; value: number; text: string }
  | { kind: "joiner"; text: string };

/** Words (letters, digits, inner hyphens), numbers, and list joiners; everything else separates. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /[a-z0-9]+(?:-[a-z0-9]+)*|[,&+]/g;
  const lower = text.toLowerCase();
  for (let match = pattern.exec(lower); match !== null; match = pattern.exec(lower)) {
    const word = match[0];
    if (JOINERS.has(word)) tokens.push({ kind: "joiner", text: word });
    // The whole number, however long (1000005 is not week 5; a huge one is Infinity): linear to read.
    else if (/^\d+$/.test(word)) tokens.push({ kind: "number", value: Number(word), text: word });
    else {
      // "w5", "week05": a week word and its number written together.
      const joined = /^(week|wk|w)(\d+)$/.exec(word);
      if (joined) {
        tokens.push({ kind: "word", text: joined[1] ?? "week" });
        tokens.push({ kind: "number", value: Number(joined[2] ?? ""), text: joined[2] ?? "" });
      } else tokens.push({ kind: "word", text: word });
    }
  }
  return tokens;
}

function isWord(token: Token | undefined, words: ReadonlySet<string>): boolean {
  return token?.kind === "word" && words.has(token.text);
}

export function parseCommitMessage(message: string, program: Program): CommitClaims {
  const claims: CommitClaims = { weeks: [], projects: [], minutes: 0, problems: [], rejected: [] };
  const claimWeek = (value: number, text: string) => {
    if (value >= 1 && value <= program.totalWeeks) claims.weeks.push(value);
    else claims.rejected.push({ text, reason: `the program has weeks 1–${program.totalWeeks}` });
  };
  const claimProject = (slug: string, text: string) => {
    if (program.projectSlugs.has(slug)) claims.projects.push(slug);
    else claims.rejected.push({ text, reason: unknownProject(slug) });
  };

  const tokens = tokenize(message);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.kind !== "word") continue;
    if (FINISH_VERBS.has(token.text) && !isWord(tokens[index - 1], NEGATIONS)) {
      let next = index + 1;
      while (isWord(tokens[next], FILLERS)) next++;
      if (isWord(tokens[next], WEEK_WORDS) && tokens[next + 1]?.kind === "number") {
        // A list: "weeks 3, 4 and week 5".
        let cursor = next + 1;
        for (;;) {
          const number = tokens[cursor];
          if (number?.kind !== "number") break;
          claimWeek(number.value, `week ${number.text}`);
          let after = cursor + 1;
          if (tokens[after]?.kind !== "joiner") break;
          after++;
          if (isWord(tokens[after], WEEK_WORDS)) after++;
          if (tokens[after]?.kind !== "number") break;
          cursor = after;
        }
        index = cursor;
      } else if (isWord(tokens[next], PROJECT_WORDS) && tokens[next + 1]?.kind === "word") {
        const slug = (tokens[next + 1] as { text: string }).text;
        claimProject(slug, `project ${slug}`);
        index = next + 1;
      }
    } else if (WEEK_WORDS.has(token.text) && tokens[index + 1]?.kind === "number") {
      // The postfix form: "week 5 done".
      const number = tokens[index + 1] as { value: number; text: string };
      if (isWord(tokens[index + 2], FINISH_VERBS)) {
        claimWeek(number.value, `week ${number.text}`);
        index += 2;
      }
    }
  }
  readTrailers(message, program, claims, claimWeek);
  const weeks = bounded(
    [...new Set(claims.weeks)].sort((a, b) => a - b),
    COMMIT_BOUNDS.weeks,
  );
  const projects = bounded([...new Set(claims.projects)], COMMIT_BOUNDS.projects);
  const problems = bounded([...new Set(claims.problems)], COMMIT_BOUNDS.problems);
  const over = (what: string, items: readonly (string | number)[], limit: number) => {
    if (items.length > 0)
      claims.rejected.push({
        text: `${what} ${items.join(", ")}`,
        reason: `one commit finishes at most ${limit} ${what}: name the others in commits of their own`,
      });
  };
  over("weeks", weeks.over, COMMIT_BOUNDS.weeks);
  over("projects", projects.over, COMMIT_BOUNDS.projects);
  over("problems", problems.over, COMMIT_BOUNDS.problems);
  claims.weeks = weeks.kept;
  claims.projects = projects.kept;
  claims.problems = problems.kept;
  return claims;
}

function bounded<T>(items: readonly T[], limit: number): { kept: T[]; over: T[] } {
  return { kept: items.slice(0, limit), over: items.slice(limit) };
}

function unknownProject(slug: string): string {
  return `"${slug}" is not a project of the program`;
}

function readTrailers(
  message: string,
  program: Program,
  claims: CommitClaims,
  claimWeek: (value: number, text: string) => void,
): void {
  for (const line of message.split(/\r?\n/)) {
    const trailer = /^\s*(week|project|time|problem)\s*:\s*(.*?)\s*$/i.exec(line.length > 200 ? "" : line);
    if (!trailer) continue;
    const key = (trailer[1] ?? "").toLowerCase();
    const value = trailer[2] ?? "";
    if (value.length > MAX_TRAILER_VALUE) {
      claims.rejected.push({ text: `${key}: …`, reason: "the value is too long to be a trailer" });
    } else if (key === "week") {
      const number = /^(?:week\s*|w)?0*(\d{1,4})$/i.exec(value);
      if (number) claimWeek(Number(number[1]), `Week: ${value}`);
      else claims.rejected.push({ text: `Week: ${value}`, reason: "expected a week number" });
    } else if (key === "project") {
      // It names what the commit is about and finishes nothing; a name the program lacks is a typo worth reporting.
      if (!program.projectSlugs.has(value.toLowerCase()))
        claims.rejected.push({ text: `Project: ${value}`, reason: unknownProject(value.toLowerCase()) });
    } else if (key === "problem") {
      if (value === "") claims.rejected.push({ text: "Problem:", reason: "expected the problem's name" });
      else claims.problems.push(value.toLowerCase());
    } else {
      const minutes = parseDuration(value);
      if (minutes === undefined) {
        claims.rejected.push({
          text: `Time: ${value}`,
          reason: "expected a duration such as 1h30m, 90m or 1.5h",
        });
      } else if (claims.minutes + minutes > MAX_MINUTES) {
        claims.rejected.push({ text: `Time: ${value}`, reason: "more than 24 hours in one commit" });
      } else claims.minutes += minutes;
    }
  }
}

/** "1h30m", "1h 30m", "90m", "90 min", "1.5h", "2 hours": minutes, rounded; undefined when unreadable. */
export function parseDuration(value: string): number | undefined {
  const match =
    /^(?:(\d{1,3}(?:\.\d{1,2})?)\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,4})\s*m(?:in(?:utes?|s)?)?)?$/i.exec(
      value.trim(),
    );
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Math.round(Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0));
}

/**
 * Whether a message could claim anything at all, before the program is known: a finishing verb or
 * a Week:, Project:, Time: or Problem: trailer. A push whose commits cannot claim anything needs no request.
 */
export function mightClaim(message: string): boolean {
  return /\b(?:close[sd]?|complete[sd]?|finish(?:e[sd])?|done)\b|^[ \t]*(?:week|project|time|problem)[ \t]*:/im.test(
    message,
  );
}
