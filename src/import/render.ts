/** The draft as YAML, each guessed or missing value commented where it stands (the yaml package's Document API). */
import { Document, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, YAMLMap } from "yaml";
import type { Mark, Path } from "./build.js";

export function renderYaml(
  curriculum: Record<string, unknown>,
  marks: readonly Mark[],
  header: string,
): string {
  const document = new Document(curriculum);
  document.commentBefore = header;
  // Small maps ({min, max}, a study item) read best on one line.
  flowSmallMaps(document.contents as Node);
  for (const { path, note } of marks) attach(document, path, ` ${note}`);
  return document.toString({ lineWidth: 0 });
}

function flowSmallMaps(node: Node | null | undefined): void {
  if (isMap(node)) {
    const simple = node.items.every((pair) => isScalar(pair.value));
    if (
      simple &&
      node.items.length <= 4 &&
      node.items.length > 0 &&
      keysAre(node, ["min", "max", "title", "detail", "chapters", "when", "name", "type"])
    )
      node.flow = true;
    for (const pair of node.items) flowSmallMaps(pair.value as Node);
  } else if (isSeq(node)) for (const item of node.items) flowSmallMaps(item as Node);
}

function keysAre(map: YAMLMap, allowed: readonly string[]): boolean {
  return map.items.every(
    (pair) => isScalar(pair.key) && allowed.includes(String((pair.key as Scalar).value)),
  );
}

/** A comment after a scalar (or a one-line map) on its line, else above the key. Marks name keys of maps. */
function attach(document: Document, path: Path, comment: string): void {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
  if (!isMap(parent)) return;
  // A comment inside a one-line map would break it over lines: the map is written in block style.
  if (parent.flow) parent.flow = false;
  const pair = (parent as YAMLMap).items.find(
    (item) => isScalar(item.key) && (item.key as Scalar).value === last,
  ) as Pair<Scalar, Node> | undefined;
  if (!pair) return;
  if (isScalar(pair.value) || (pair.value instanceof YAMLMap && pair.value.flow)) {
    pair.value.comment = append(pair.value.comment, comment);
    return;
  }
  pair.key.commentBefore = append(pair.key.commentBefore, comment);
}

function append(existing: string | null | undefined, comment: string): string {
  return existing ? `${existing};${comment}` : comment;
}
