import { END_MARKER, START_MARKER } from "../model/markers.js";

/**
 * GitHub's limits on the texts syllabot writes, in one place, each with where GitHub states it.
 * A text over one is refused with a 422, so every text is cut where it is made (in the pure core):
 * the next plan then compares the same cut text and never rewrites it again.
 *
 * "characters" are counted as UTF-16 code units (JavaScript's `length`), never fewer than the code
 * points GitHub counts, so a text that fits here fits there. "bytes" are UTF-8 bytes.
 */
export interface TextLimit {
  readonly max: number;
  readonly unit: "characters" | "bytes";
  /** Where GitHub documents the limit, or how it answers when it is crossed. */
  readonly source: string;
}

const REST = "https://docs.github.com/rest";

export const GITHUB_LIMITS = {
  /** 422 "title is too long (maximum is 256 characters)". */
  issueTitle: { max: 256, unit: "characters", source: `${REST}/issues/issues#create-an-issue (422 answer)` },
  /** 422 "body is too long (maximum is 65536 characters)"; pull request bodies alike. */
  issueBody: {
    max: 65_536,
    unit: "characters",
    source: `${REST}/issues/issues#create-an-issue (422 answer)`,
  },
  /** 422 "body is too long (maximum is 65536 characters)", resource IssueComment. */
  commentBody: {
    max: 65_536,
    unit: "characters",
    source: `${REST}/issues/comments#create-an-issue-comment (422 answer)`,
  },
  /** 422 "name is too long (maximum is 50 characters)". */
  labelName: { max: 50, unit: "characters", source: `${REST}/issues/labels#create-a-label (422 answer)` },
  /** "A short description of the label. Must be 100 characters or fewer." */
  labelDescription: { max: 100, unit: "characters", source: `${REST}/issues/labels#create-a-label` },
  /**
   * Not documented; syllabot assumes the length of a database string column, as for team and
   * profile names. Its titles ("Phase N: …") are far shorter.
   */
  milestoneTitle: { max: 255, unit: "characters", source: "not documented (assumed)" },
  /** Not documented; syllabot assumes an issue body's. */
  milestoneDescription: { max: 65_536, unit: "characters", source: "not documented (assumed)" },
  /** Not documented; syllabot's check-run titles are one short line. */
  checkRunTitle: { max: 255, unit: "characters", source: "not documented (assumed)" },
  /**
   * "Maximum length: 65535 characters"; GitHub in fact counts bytes ("summary exceeds a maximum
   * bytesize of 65535", github/docs#35252).
   */
  checkRunSummary: { max: 65_535, unit: "bytes", source: `${REST}/checks/runs#create-a-check-run` },
  /** As the summary. */
  checkRunText: { max: 65_535, unit: "bytes", source: `${REST}/checks/runs#create-a-check-run` },
  /** "The maximum size is 64 KB." */
  annotationMessage: { max: 64 * 1024, unit: "bytes", source: `${REST}/checks/runs#create-a-check-run` },
  /** "The maximum size is 255 characters." */
  annotationTitle: { max: 255, unit: "characters", source: `${REST}/checks/runs#create-a-check-run` },
} as const satisfies Record<string, TextLimit>;

/** "The Checks API limits the number of annotations to a maximum of 50 per API request." */
export const ANNOTATIONS_PER_REQUEST = 50;
/** "Responses include a maximum of 3000 files." (list pull request files) */
export const MAX_PULL_REQUEST_FILES = 3000;

/** What a cut text ends with, so that a reader knows some of it is missing. */
export const CUT_NOTE = "… (cut to GitHub's limit)";

export interface FitOptions {
  /** Appended where the text was cut; a paragraph of its own by default, "…" suits one line. */
  note?: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** UTF-8 bytes of one UTF-16 code unit: a surrogate pair's two units make its 4 bytes. */
function unitBytes(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 2;
  return 3;
}

/** The size of `text` in `unit`. */
export function measure(text: string, unit: TextLimit["unit"]): number {
  if (unit === "characters") return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length; index++) bytes += unitBytes(text.charCodeAt(index));
  return bytes;
}

/** The longest start of `text` of at most `budget` in `unit`, never ending inside a surrogate pair. */
function prefixWithin(text: string, budget: number, unit: TextLimit["unit"]): string {
  let end = 0;
  if (unit === "characters") end = Math.min(text.length, Math.max(0, budget));
  else {
    let used = 0;
    while (end < text.length) {
      const next = used + unitBytes(text.charCodeAt(end));
      if (next > budget) break;
      used = next;
      end += 1;
    }
  }
  if (end > 0 && end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/**
 * A cut that reads well: at the last line break when there is one in the second half (no half
 * checklist item), and never inside an HTML comment it opened (which would hide what follows).
 */
function tidyCut(prefix: string): string {
  const open = prefix.lastIndexOf("<!--");
  let kept = open !== -1 && prefix.indexOf("-->", open) === -1 ? prefix.slice(0, open) : prefix;
  const lineBreak = kept.lastIndexOf("\n");
  if (lineBreak >= kept.length / 2) kept = kept.slice(0, lineBreak);
  return kept;
}

function fitPlain(text: string, max: number, unit: TextLimit["unit"], note: string): string {
  if (measure(text, unit) <= max) return text;
  const room = max - measure(note, unit);
  if (room < 0) return prefixWithin(note, max, unit);
  return `${tidyCut(prefixWithin(text, room, unit))}${note}`;
}

/**
 * `text` cut to `limit`, with a visible note where it was cut. A managed body (a key marker, then a
 * region between syllabot's start and end markers) keeps every marker and all text outside the
 * region: only the region's content is cut. A text within the limit comes back as it is.
 */
export function fitText(text: string, limit: TextLimit, options: FitOptions = {}): string {
  const { max, unit } = limit;
  if (measure(text, unit) <= max) return text;
  const start = text.indexOf(START_MARKER);
  const end = start === -1 ? -1 : text.indexOf(END_MARKER, start + START_MARKER.length);
  if (end !== -1) {
    const head = text.slice(0, start + START_MARKER.length);
    const tail = text.slice(end);
    const room = max - measure(head, unit) - measure(tail, unit);
    const note = options.note ?? `\n\n${CUT_NOTE}\n`;
    if (room >= 0) {
      return `${head}${fitPlain(text.slice(start + START_MARKER.length, end), room, unit, note)}${tail}`;
    }
  }
  return fitPlain(text, max, unit, options.note ?? `\n\n${CUT_NOTE}`);
}

/** One line (a title, a commit subject) cut to `max` characters, ending with "…" when cut. */
export function fitLine(text: string, max: number): string {
  return fitPlain(text, max, "characters", "…");
}

/** `head`, `middle` and `tail` joined within `limit`: only the middle is cut, so both ends survive. */
export function fitMiddle(head: string, middle: string, tail: string, limit: TextLimit): string {
  const room = limit.max - measure(head, limit.unit) - measure(tail, limit.unit);
  return `${head}${fitText(middle, { ...limit, max: Math.max(0, room) })}${tail}`;
}
