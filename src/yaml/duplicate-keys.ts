import { type Document, isMap, isPair, isScalar, isSeq } from "yaml";

/**
 * The offsets of keys that repeat an earlier key of the same mapping. The yaml library's own check
 * (`uniqueKeys`) compares each key with every earlier one: 20,000 keys took it 20 s. This one keeps
 * a set per mapping, and walks without recursion. Keys are compared as the data will hold them, so
 * `1` and `"1"` are the same key.
 */
export function duplicateKeyOffsets(document: Document): number[] {
  const offsets: number[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (seen.has(key) && pair.key.range) offsets.push(pair.key.range[0]);
          seen.add(key);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return offsets.sort((a, b) => a - b);
}
