import { isAlias, isCollection, isPair, isScalar, Lexer, type Node } from "yaml";

/**
 * Bounds on the work one YAML file can ask for. A curriculum or config is small (the bundled
 * curriculum holds about 2,500 YAML tokens, its longest list 36 items, 6 levels deep); a file far
 * beyond these bounds is refused with one located problem before it is read, built or validated,
 * so that the work every later step does (and the report it prints) stays proportional to them.
 */

/** Keys, values, dashes and brackets: about 1.4 MB of YAML written as the bundled curriculum is. */
export const MAX_YAML_TOKENS = 100_000;
/** Items of one list, or keys of one mapping: above any list a curriculum or config has a use for. */
export const MAX_COLLECTION_ITEMS = 1_000;
/** Lists and mappings inside each other: the schemas go 6 deep. */
export const MAX_NESTING = 32;

/**
 * Values (scalars, lists, mappings) that aliases may add when expanded, all aliases together: as
 * many as the largest file without aliases holds, so that the data a file makes is at most twice
 * what its tokens allow. A value anchored once and repeated in each of a few hundred weeks adds a
 * few thousand; a "billion laughs" file adds billions, and is refused at the alias that passes this.
 */
export const MAX_ALIAS_EXPANSION = MAX_YAML_TOKENS;

/** The bounds one parse applies; a caller reading a larger kind of document (a snapshot) widens them. */
export interface SourceLimits {
  maxTokens: number;
  maxCollectionItems: number;
  maxNesting: number;
  maxAliasExpansion: number;
}

export const DOCUMENT_LIMITS: SourceLimits = {
  maxTokens: MAX_YAML_TOKENS,
  maxCollectionItems: MAX_COLLECTION_ITEMS,
  maxNesting: MAX_NESTING,
  maxAliasExpansion: MAX_ALIAS_EXPANSION,
};

/** Control tokens the lexer emits that are not text of the source (document start, flow end, scalar start). */
const CONTROL_TOKENS = new Set(["\u0002", "\u0018", "\u001f"]);

/**
 * The offset of the first token past `limit`, or undefined when the text holds fewer.
 * Lexing is linear and stops at the limit, so a pathological file costs a bounded, small fraction of
 * what building its document would.
 */
export function tokenBudgetExceeded(text: string, limit = MAX_YAML_TOKENS): number | undefined {
  if (!Number.isFinite(limit)) return undefined;
  let tokens = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL_TOKENS.has(token)) continue;
    if (!isTrivia(token) && ++tokens > limit) return offset;
    offset += token.length;
  }
  return undefined;
}

function isTrivia(token: string): boolean {
  return token.trim() === "" || token.startsWith("#");
}

/** A list or mapping too long, or nesting too deep: where (a path into the data) and what. */
export interface ShapeProblem {
  path: PropertyKey[];
  message: string;
}

/**
 * Every list or mapping longer than the limit or containing itself (through an alias), and the first
 * value nested deeper than the limit, in document order. Walks iteratively (no recursion to
 * overflow) and does not descend into what it reports.
 */
export function shapeProblems(
  data: unknown,
  {
    maxCollectionItems,
    maxNesting,
  }: Pick<SourceLimits, "maxCollectionItems" | "maxNesting"> = DOCUMENT_LIMITS,
): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  let tooDeep = false;
  const stack: { value: unknown; path: PropertyKey[]; within: object[] }[] = [
    { value: data, path: [], within: [] },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path, within } = next;
    if (value === null || typeof value !== "object") continue;
    if (within.includes(value)) {
      // `a: &a [*a]`: an alias inside the value it names; validating it would never end.
      problems.push({ path, message: "an alias refers to the list or mapping that contains it" });
      continue;
    }
    const isList = Array.isArray(value);
    const size = isList ? value.length : Object.keys(value).length;
    if (size > maxCollectionItems) {
      problems.push({
        path,
        message: `${isList ? `a list of ${size} items` : `a mapping of ${size} keys`}; at most ${maxCollectionItems} are accepted`,
      });
      continue;
    }
    if (size > 0 && path.length >= maxNesting) {
      if (!tooDeep) problems.push({ path, message: `nested more than ${maxNesting} lists or mappings deep` });
      tooDeep = true;
      continue;
    }
    const entries: [PropertyKey, unknown][] = isList
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    // Pushed in reverse, popped in document order.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index] as [PropertyKey, unknown];
      stack.push({ value: item, path: [...path, key], within: [...within, value] });
    }
  }
  return problems;
}

/**
 * The offset of the first alias at which the values all aliases so far expand to pass `limit`, or
 * undefined when the whole document expands to less. Walks the document once, in document order (the
 * order in which an alias finds the last anchor of its name), and knows each anchored value's
 * expanded size once it is complete: the work is linear in the document, however much it would
 * expand. An alias inside the value it names counts that value as one (`shapeProblems` refuses it).
 */
export function aliasExpansionExceeded(
  root: unknown,
  limit: number = MAX_ALIAS_EXPANSION,
): number | undefined {
  const anchors = new Map<string, Node>();
  const sizes = new Map<unknown, number>();
  let produced = 0;
  /** Each open node with the children still to walk, and the size of those walked so far. */
  const stack: { node: unknown; children: unknown[]; size: number }[] = [];
  const enter = (node: unknown): number | undefined => {
    if (isAlias(node)) {
      const anchored = anchors.get(node.source);
      const size = (anchored && sizes.get(anchored)) ?? 1;
      produced += size;
      if (produced > limit) return node.range?.[0] ?? 0;
      sizes.set(node, size);
      return undefined;
    }
    if (isScalar(node) || isCollection(node)) {
      if (node.anchor) anchors.set(node.anchor, node);
    }
    if (isCollection(node)) {
      const children = (node.items as unknown[]).flatMap((item) =>
        isPair(item) ? [item.key, item.value] : [item],
      );
      stack.push({ node, children: children.reverse(), size: 1 });
    } else sizes.set(node, 1);
    return undefined;
  };
  const first = enter(root);
  if (first !== undefined) return first;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.children.length > 0) {
      const child = top.children.pop();
      if (child === null || child === undefined) continue;
      const exceeded = enter(child);
      if (exceeded !== undefined) return exceeded;
      const size = sizes.get(child);
      if (size !== undefined) top.size += size;
      continue;
    }
    stack.pop();
    sizes.set(top.node, top.size);
    const parent = stack[stack.length - 1];
    if (parent) parent.size += top.size;
  }
  return undefined;
}
