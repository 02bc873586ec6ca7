/**
 * A plan document as logical lines: Markdown or plain text, each line classified (heading, list
 * item, table row, text), list items that a flattening glued onto one line split apart, and lines
 * that a flattening broke (before an inline code span) joined again. Every logical line keeps the
 * number of the line it starts on, for the report.
 */

export type LineKind = "heading" | "item" | "row" | "text" | "blank";

export interface Line {
  /** 1-based number of the source line it starts on. */
  n: number;
  kind: LineKind;
  /** Heading level (1 = biggest); 0 for what is not a heading. */
  level: number;
  /** The text without its Markdown markers (`#`, `-`, `1.`, `**`). */
  text: string;
  /** A table row's cells (trimmed), for `row`. */
  cells: string[];
  /** An item whose bullet a flattening lost (a text line read as the next item of a list). */
  lost?: boolean;
  /** A line of a fenced block: kept as written. */
  verbatim?: boolean;
}

const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*(?:[-*+•▪◦]|\d{1,3}[.)]|[a-z][.)])\s+/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const UNDERLINE = /^\s*(=+|-+)\s*$/;
/** A word that leaves a sentence unfinished at the end of a line: what follows continues it. */
const CONNECTOR_END =
  /(?:[([{+—–:,&/]|\b(?:with|and|or|of|the|a|an|to|in|on|for|from|by|vs|via|using|into|than|before|after|as|is|are|at|like|about|between|over|under|plus)|\bvs\.)$/i;
/** Glued items: " - Week 4: …" inside a line, or "…null- Structs" (a flattened bullet). */
const GLUED_ITEM = /(?:\s+-\s+|(?<=[\p{L}\p{N})\].!?’”])-\s+)(?=(?:\*\*)?\p{Lu}|`|\p{Ll}+[—–])/u;
const GLUED_WEEK = /\s+[-*•]\s+(?=(?:\*\*)?weeks?\s+\d)/i;

/** Strip Markdown emphasis markers, keep code spans and text. */
export function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/__(.+?)__/g, "$1")
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

function cellsOf(text: string): string[] {
  const trimmed = text.trim().replace(/^\|/, "").replace(/\|$/, "");
  return trimmed.split("|").map((cell) => plain(cell));
}

function isRow(raw: string, inTable: boolean): boolean {
  const trimmed = raw.trim();
  if (trimmed.startsWith("|") && trimmed.length > 1) return true;
  // A row whose first cell began with inline code can lose its leading bar when flattened.
  return inTable && trimmed.endsWith("|") && trimmed.split("|").length >= 3;
}

/**
 * Classify the raw lines. Headings: Markdown `#`, a line underlined with `===` or `---`, a short ALL
 * CAPS line, or (plain text) a short line without a final full stop standing before a non-heading
 * line; whether such a plain line is a heading is decided by the recognisers, which read `level`.
 */
function classify(rawLines: readonly string[]): Line[] {
  const lines: Line[] = [];
  let inTable = false;
  let fence: string | null = null;
  for (let index = 0; index < rawLines.length; index++) {
    const raw = rawLines[index] ?? "";
    const n = index + 1;
    const next = rawLines[index + 1];
    // A fenced block (commands, code) is text as written, never headings or items.
    const fenceMark = /^\s*(```|~~~)/.exec(raw)?.[1];
    if (fenceMark && (fence === null || fence === fenceMark)) {
      fence = fence === null ? fenceMark : null;
      continue;
    }
    if (fence !== null) {
      if (raw.trim() !== "")
        lines.push({ n, kind: "text", level: 0, text: raw.trim(), cells: [], verbatim: true });
      continue;
    }
    if (raw.trim() === "") {
      lines.push({ n, kind: "blank", level: 0, text: "", cells: [] });
      inTable = false;
      continue;
    }
    if (TABLE_SEPARATOR.test(raw) && raw.includes("|")) {
      inTable = true;
      continue;
    }
    if (isRow(raw, inTable)) {
      inTable = true;
      lines.push({ n, kind: "row", level: 0, text: plain(raw), cells: cellsOf(raw) });
      continue;
    }
    inTable = false;
    const heading = MD_HEADING.exec(raw);
    if (heading) {
      lines.push({
        n,
        kind: "heading",
        level: heading[1]?.length ?? 1,
        text: plain(heading[2] ?? ""),
        cells: [],
      });
      continue;
    }
    if (next !== undefined && UNDERLINE.exec(next) && !BULLET.test(raw) && next.trim().length >= 3) {
      const level = next.trim().startsWith("=") ? 1 : 2;
      lines.push({ n, kind: "heading", level, text: plain(raw), cells: [] });
      index++;
      continue;
    }
    if (BULLET.test(raw)) {
      lines.push({ n, kind: "item", level: 0, text: plain(raw.replace(BULLET, "")), cells: [] });
      continue;
    }
    const text = plain(raw);
    if (isAllCaps(text) && text.length <= 80 && !/[.!?]$/.test(text)) {
      lines.push({ n, kind: "heading", level: 2, text: titleCase(text), cells: [] });
      continue;
    }
    lines.push({ n, kind: "text", level: 0, text, cells: [] });
  }
  return lines;
}

/** "PHASE 1 — FOUNDATIONS" → "Phase 1 — Foundations": ALL CAPS headings read as titles. */
function titleCase(text: string): string {
  let first = true;
  return text.replace(/\p{L}[\p{L}'’]*/gu, (word) => {
    const small = /^(?:THE|AND|FOR|OF|TO|IN|ON|A|AN|OR|AT|BY|WITH)$/.test(word);
    const result =
      small && !first
        ? word.toLowerCase()
        : word.length <= 3 && !small
          ? word
          : word.charAt(0) + word.slice(1).toLowerCase();
    first = false;
    return result;
  });
}

/**
 * Items glued onto one line by a flattening (" - Week 5: …"), split apart. In a list of weeks every
 * item starts with "Week", so only that split is made there; elsewhere a " - " or "word- " before a
 * capital letter or code starts an item.
 */
function splitGlued(line: Line, weekList: boolean): Line[] {
  const pattern = weekList ? GLUED_WEEK : GLUED_ITEM;
  const parts: Line[] = [];
  let rest = line.text;
  let kind = line.kind;
  for (let guard = 0; guard < 10_000; guard++) {
    const match = pattern.exec(rest);
    if (!match || match.index === 0) break;
    const head = rest.slice(0, match.index).trim();
    if (head) parts.push({ ...line, kind, text: head });
    rest = rest.slice(match.index + match[0].length);
    kind = "item";
  }
  parts.push({ ...line, kind, text: rest.trim() });
  return parts.filter((part) => part.text !== "");
}

/** A line opening with code: a backtick, a dash, or a token with code's signs (`Box<T>`, `a::b`, `a&b`, `camelCase`). */
const CODE_START = /^(?:`|[—–]|\S*?(?:[<>&]|::|\(\)|\p{Ll}\p{Lu}))/u;
const WEEK_START = /^(?:\*\*)?weeks?\s+\d/i;

/**
 * Join lines a flattening broke and split items it glued. A text line after a list item continues
 * it when the item is a week (its next item would start with "Week") or when the item ends on a
 * word or sign that cannot end it; otherwise it is an item of its own whose bullet was lost.
 * `names`: code names the document defines, which start items ("name — what it is").
 */
export function logicalLines(text: string, startsItem: (text: string) => boolean): Line[] {
  const raw = text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n");
  const out: Line[] = [];
  let listOpen = false;
  let weekList = false;
  for (const line of classify(raw)) {
    if (line.kind === "blank" || line.kind === "heading" || line.kind === "row") {
      listOpen = false;
      out.push(line);
      continue;
    }
    if (line.kind === "item") {
      weekList = WEEK_START.test(line.text);
      listOpen = true;
      // A bullet as written is one item, unless weeks were glued onto it; lines a flattening
      // produced (joined, or without their bullet) are split at every glued item.
      out.push(...(weekList ? splitGlued(line, true) : [line]));
      continue;
    }
    const previous = out[out.length - 1];
    // Right under a label ("Concepts:"), a line is an item whose bullet the flattening lost.
    if (
      previous &&
      previous.kind === "text" &&
      /:$/.test(previous.text) &&
      isLabel(previous.text) &&
      !isLabel(line.text)
    ) {
      weekList = WEEK_START.test(line.text);
      listOpen = true;
      out.push(...splitGlued({ ...line, kind: "item", lost: true }, weekList));
      continue;
    }
    if (listOpen && previous && previous.kind === "item" && !isLabel(line.text)) {
      const continues = weekList || CONNECTOR_END.test(previous.text) || /^[,.;:)]/.test(line.text);
      if (continues) {
        const joined: Line = { ...previous, text: joinText(previous.text, line.text) };
        out.pop();
        out.push(...splitGlued(joined, weekList));
        continue;
      }
      // The flattening loses the bullet of an item that starts with code: only such a line is one.
      if (startsItem(line.text) || CODE_START.test(line.text)) {
        out.push(...splitGlued({ ...line, kind: "item", lost: true }, false));
        continue;
      }
    }
    listOpen = false;
    if (previous && wraps(previous, line)) {
      out.pop();
      out.push({ ...previous, text: joinText(previous.text, line.text) });
      continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * A paragraph wrapped over lines: the earlier line is long and ends mid-sentence, the next goes on
 * in lowercase. Commands (`tool --flag`) and fenced lines are never joined.
 */
function wraps(previous: Line, line: Line): boolean {
  if (previous.kind !== "text" || previous.verbatim || line.verbatim) return false;
  if (previous.text.length < 50 || /[.!?:;"”’)]$/.test(previous.text)) return false;
  const command = (text: string) => /(?:^|\s)--?\w/.test(text) || /^\$\s/.test(text);
  return (
    /^[\p{Ll}(`]/u.test(line.text) && !command(line.text) && !command(previous.text) && !isLabel(line.text)
  );
}

function joinText(before: string, after: string): string {
  return /^[,.;:)!?]/.test(after) || /[([{]$/.test(before) ? `${before}${after}` : `${before} ${after}`;
}

/** "Weekly Schedule:", "Study Material: …", "Objective: …": a label opening a section or a field. */
export function isLabel(text: string): boolean {
  return /^[\p{L}][\p{L}\d '’&/-]{1,40}:(?:\s|$)/u.test(text) && !WEEK_START.test(text);
}
