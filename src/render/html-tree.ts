import type { Element, Nodes } from "hast";

/** Every element under `node`, in document order. */
export function* elements(node: Nodes): Generator<Element> {
  if (node.type === "element") yield node;
  if ("children" in node) for (const child of node.children) yield* elements(child);
}

/** The text an element shows: its text nodes joined (no alt text, as GitHub's heading anchors). */
export function textOf(node: Nodes): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}
