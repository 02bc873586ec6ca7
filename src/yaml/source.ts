import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
} from "yaml";
import { formatPath, InputError, type Problem } from "../errors.js";
import { duplicateKeyOffsets } from "./duplicate-keys.js";
import {
  aliasExpansionExceeded,
  DOCUMENT_LIMITS,
  type SourceLimits,
  shapeProblems,
  tokenBudgetExceeded,
} from "./limits.js";

/** Files larger than this are refused before parsing: no legitimate curriculum or config comes close. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** A parsed YAML file that can still answer "where is this field?" for error messages. */
export interface YamlSource {
  file: string;
  data: unknown;
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): { line: number; column: number };
}

/** Where a problem of the whole file is reported: its first line and column. */
const START = { line: 1, column: 1 } as const;

/**
 * Parse `text` (the contents of `file`) defensively: bounded in size and work, strict about what it
 * accepts, every problem located. Curricula and configs take the defaults.
 */
export function parseYamlSource(
  text: string,
  file: string,
  options: Partial<SourceLimits> & { maxBytes?: number } = {},
): YamlSource {
  const { maxBytes = MAX_SOURCE_BYTES, ...overrides } = options;
  const limits: SourceLimits = { ...DOCUMENT_LIMITS, ...overrides };
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes) {
    throw new InputError([
      {
        file,
        ...START,
        path: "",
        message: `file is ${bytes} bytes; at most ${maxBytes} (${formatBytes(maxBytes)}) is accepted`,
      },
    ]);
  }
  const overBudget = tokenBudgetExceeded(text, limits.maxTokens);
  if (overBudget !== undefined) {
    throw new InputError([
      {
        file,
        ...positionIn(text, overBudget),
        path: "",
        message: `too large to check: more than ${limits.maxTokens} keys, values, dashes and brackets; stopped reading here`,
      },
    ]);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: "core",
    // Checked below, in linear time.
    uniqueKeys: false,
    strict: true,
    customTags: [],
    // The library would print its warnings to the process (a key that is a list, stringified): input
    // is ours to report, as problems below, never on the Action's or the CLI's stderr.
    logLevel: "error",
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [
    ...document.errors.map((error) => ({
      file,
      ...at(error.pos[0]),
      path: "",
      // The library runs out of stack on lists or mappings nested thousands deep, and says only that.
      message:
        error.code === "RESOURCE_EXHAUSTION"
          ? "lists or mappings nested too deeply to read"
          : yamlMessage(error.message),
    })),
    ...duplicateKeyOffsets(document).map((offset) => ({
      file,
      ...at(offset),
      path: "",
      message: "Map keys must be unique",
    })),
    // An unknown tag (`!!python/object`, `!include`) is only a warning to the yaml library; for input we
    // act on, a value we cannot interpret is an error.
    ...document.warnings.map((warning) => ({
      file,
      ...at(warning.pos[0]),
      path: "",
      message: yamlMessage(warning.message),
    })),
  ];
  if (problems.length > 0) throw new InputError(problems);

  // A "billion laughs" file is refused before it is built: what its aliases would expand to is
  // counted on the document, in linear time. The library's own guard counts references instead, and
  // refuses a small anchor used in every week of a long course.
  const bomb = aliasExpansionExceeded(document.contents, limits.maxAliasExpansion);
  if (bomb !== undefined) {
    throw new InputError([
      {
        file,
        ...at(bomb),
        path: "",
        message: `aliases would expand to more than ${limits.maxAliasExpansion} values (each alias repeats its anchor's whole value): refusing a possible alias bomb`,
      },
    ]);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: -1 });
  } catch (error) {
    const message = `cannot read YAML: ${(error as Error).message}`;
    throw new InputError([{ file, ...firstAliasPosition(document, at), path: "", message }]);
  }
  const locate: YamlSource["locate"] = (path, options) =>
    // An empty (or comment-only) file has no node to point at: its problems are at its start.
    at(offsetOf(document, path, options?.key ?? false) ?? 0);
  const tooBig = shapeProblems(data, limits);
  if (tooBig.length > 0) {
    throw new InputError(
      tooBig.map((problem) => ({
        file,
        ...locate(problem.path),
        path: formatPath(problem.path),
        message: problem.message,
      })),
    );
  }
  return { file, data, locate };
}

/** Line and column of `offset` in `text`, for problems found before the document is built. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf("\n");
    index !== -1 && index < offset;
    index = text.indexOf("\n", index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

function yamlMessage(message: string): string {
  // The library appends "at line N, column M" itself; we report position separately.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").trim();
}

function firstAliasPosition(document: Document, at: (offset: number) => { line: number; column: number }) {
  let found: { line: number; column: number } | undefined;
  const visit = (node: unknown): void => {
    if (found || !node) return;
    if (isAlias(node)) {
      if (node.range) found = at(node.range[0]);
      return;
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) visit(item);
    else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(document.contents);
  return found ?? at(0);
}

/**
 * Offset of the node at `path`, or of its nearest existing ancestor when the path runs past the
 * document (a missing key is reported where its parent is). With `key`, the offset of the map key.
 */
function offsetOf(document: Document, path: readonly PropertyKey[], key: boolean): number | undefined {
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(document);
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(segment));
      if (!pair) return offset;
      if (isLast && key) return rangeStart(pair.key) ?? offset;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) return offset;
      node = item;
    } else {
      return offset;
    }
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** A mapping's pairs by key, built once per mapping: locating many problems stays linear. */
function pairsByKey(node: YAMLMap): Map<string, Pair> {
  let index = indexes.get(node);
  if (!index) {
    index = new Map();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!index.has(key)) index.set(key, pair);
    }
    indexes.set(node, index);
  }
  return index;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
