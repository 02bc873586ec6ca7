/**
 * Text from a curriculum, a config or GitHub, made inert for a terminal (and for the titles GitHub
 * shows): a title holding `ESC [2J` would clear the learner's screen, an OSC 8 sequence would turn
 * a word into a link to anywhere, and a carriage return would print over the line before it.
 */

/**
 * ECMA-48's escape sequences, in their 7-bit (ESC …) and 8-bit (C1) forms: control strings (OSC,
 * DCS, SOS, PM, APC) up to their terminator (ST, or BEL as xterm also accepts) or the end of the
 * text, control sequences (CSI … final byte), and the other ESC sequences (intermediates, final).
 */
const ESCAPE_SEQUENCE = new RegExp(
  [
    "(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?",
    "(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?",
    "\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?",
  ].join("|"),
  "g",
);
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const SPACING = /\r\n|[\t\n\v\f\r]/g;

export interface TerminalTextOptions {
  /** Keep line breaks (a carriage return becomes one) and tabs: for texts of several lines. */
  multiline?: boolean;
}

/**
 * `text` without escape sequences or control characters. On one line (the default), line breaks,
 * tabs and other spacing controls become spaces; with `multiline`, line breaks and tabs stay.
 * Idempotent, so that a title rendered from it compares equal to itself on the next plan.
 */
export function terminalSafe(text: string, options: TerminalTextOptions = {}): string {
  const withoutSequences = text.replace(ESCAPE_SEQUENCE, "");
  const spaced = options.multiline
    ? withoutSequences.replace(/\r\n?/g, "\n").replace(/[\v\f]/g, " ")
    : withoutSequences.replace(SPACING, " ");
  return spaced.replace(CONTROL, (char) =>
    options.multiline && (char === "\n" || char === "\t") ? char : "",
  );
}

/** A value with every string in it made terminal-safe (one line each): a report about to be printed. */
export function terminalSafeStrings<T>(value: T): T {
  if (typeof value === "string") return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map(terminalSafeStrings) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, terminalSafeStrings(item)]),
    ) as T;
  }
  return value;
}

/**
 * JSON for a terminal: the same data, with the characters JSON leaves raw that a terminal acts on
 * (DEL and the C1 controls, the 8-bit CSI among them) written as `\u` escapes, as C0 controls are.
 */
export function terminalSafeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
