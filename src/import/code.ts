/**
 * Inline code a flattening glued to its neighbours ("rustlingsvariables" was `rustlings`
 * variables): restored only where it is certain, from names the document itself defines (a
 * table cell, a heading "Project: name — …", an item "name — …"); the rest is left as written and
 * reported.
 */

/** What a code name looks like: a lowercase identifier, as tools, crates and projects are named. */
const NAME = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

const CODE_GLUE = /[>)\]][\p{Ll}]{2,}|\p{Ll}{2,}&\p{Ll}|\p{Ll}::\p{Ll}+(?:and|or|vs)\p{Ll}/u;

export interface Restoration {
  text: string;
  /** Glued tokens holding a known name that were left as written: not certain. */
  uncertain: string[];
  /** Names restored (each once). */
  restored: string[];
}

/**
 * Names the document defines: single-word table cells and parts of cells joined by "+", "or", ",";
 * "Project: name — …" and "Option A: name — …" headings; items and lines starting "name — …" or
 * "name— …" (a code span the flattening glued to the dash).
 */
export function definedNames(text: string): Set<string> {
  const names = new Set<string>();
  const add = (candidate: string | undefined) => {
    const name = candidate?.trim().replace(/^`|`$/g, "");
    if (name && name.length >= 3 && NAME.test(name)) names.add(name);
  };
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (line.includes("|")) {
      for (const cell of line.replace(/^\||\|$/g, "").split("|")) {
        // "a + b", "a OR b", "a, b": a list of names only when every part is one word.
        const parts = cell.split(/\s+(?:\+|or|OR|and|&)\s+|,\s*/).map((part) => part.trim());
        if (parts.every((part) => !/\s/.test(part))) for (const part of parts) add(part);
        else
          for (const part of cell.split(/\s+(?:\+|or|OR|and|&)\s+/)) if (!/\s/.test(part.trim())) add(part);
      }
    }
    const heading =
      /^(?:#+\s*)?(?:\*\*)?(?:project|capstone|option\s+\w+)\s*\d*\s*[:.—–-]\s*`?([\w-]+)`?\s*[—–:-]/i.exec(
        line,
      );
    add(heading?.[1]);
    const item = /^(?:[-*+]\s+)?`?([a-z][\w-]*)`?\s?[—–]\s/.exec(line);
    add(item?.[1]);
  }
  return names;
}

/** Words standing alone somewhere in the document (lowercased): what a glued fragment must be. */
export function vocabulary(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of text.split(/[\s|]+/)) {
    const word = /^[("“‘]*([\p{L}][\p{L}'’-]*)[)"”’.,;:!?]*$/u.exec(token)?.[1];
    if (word) words.add(word.toLowerCase());
  }
  return words;
}

/**
 * Put each known name glued to a word back in backticks with its spaces. Certain when each glued
 * side is a word the document uses on its own, or when the name opens the line (the flattening
 * breaks a line before a code span) and is followed by a word; otherwise left and reported.
 */
export function restoreCode(
  text: string,
  names: ReadonlySet<string>,
  words: ReadonlySet<string>,
  lineStart: boolean,
): Restoration {
  const uncertain: string[] = [];
  const restored = new Set<string>();
  if (names.size === 0) return { text, uncertain, restored: [] };
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const tokens = text.split(/(\s+)/);
  const out = tokens.map((token, index) => {
    if (/^\s+$/.test(token) || token.includes("`")) return token;
    // Code a flattening glued to words, with no name known to cut it at: "Option<T>and", "a&str".
    if (CODE_GLUE.test(token) && !sorted.some((name) => token.includes(name))) {
      uncertain.push(token);
      return token;
    }
    const atLineStart = lineStart && index === 0;
    for (const name of sorted) {
      const at = findName(token, name);
      if (at < 0) continue;
      const before = token.slice(0, at);
      const after = token.slice(at + name.length);
      const leftWord = /[\p{L}\p{N}]+$/u.exec(before)?.[0] ?? "";
      const rightWord = /^[\p{L}\p{N}]+/u.exec(after)?.[0] ?? "";
      if (leftWord.length === 1 || rightWord.length === 1) continue;
      if (leftWord === "" && rightWord === "") {
        // Glued only to punctuation: code when a dash follows ("name— what it is"), when it opens a
        // line the flattening broke ("csvq. Buffer week"), or when it is glued to the end of the
        // previous sentence ("gap)logr— …"). A name standing alone in prose stays as written.
        const dash = /^[—–]/.test(after);
        const glued = /[).,;:!?]$/.test(before);
        if (!(dash || glued || (atLineStart && before === "" && after !== ""))) return token;
        restored.add(name);
        return `${before}${glued ? " " : ""}\`${name}\`${dash ? " " : ""}${after}`;
      }
      const leftOk = leftWord === "" || words.has(leftWord.toLowerCase());
      const rightOk =
        rightWord === "" || words.has(rightWord.toLowerCase()) || (atLineStart && before === "");
      if (leftOk && rightOk) {
        restored.add(name);
        const left = before === "" ? "" : `${before} `;
        const right = after === "" ? "" : /^[—–]/.test(after) || rightWord !== "" ? ` ${after}` : after;
        return `${left}\`${name}\`${right}`;
      }
      uncertain.push(token);
      return token;
    }
    return token;
  });
  return { text: out.join(""), uncertain, restored: [...restored] };
}

/**
 * Where a name stands in a token, not inside a longer name or a word the name is part of: the
 * token's letters around it are either absent or a glued word (judged by the caller).
 */
function findName(token: string, name: string): number {
  const at = token.indexOf(name);
  if (at < 0) return -1;
  // Part of a dotted or hyphenated identifier ("quick-xml-rs", "docs.rs"): not a glued name.
  if (/[-_]$/.test(token.slice(0, at)) || /^[-_][\p{L}\p{N}]/u.test(token.slice(at + name.length))) return -1;
  return at;
}
