import type { Root } from "hast";
import { elements, textOf } from "./html-tree.js";

const HEADING = /^h[1-6]$/;

/**
 * Gives each heading without an id GitHub's slug of its text, numbering repeats as github-slugger
 * does (foo, foo-1, foo-2…). Run after sanitizing: an id the Markdown's raw HTML wrote carries the
 * `user-content-` prefix by then and is kept; the slugs go without it, so that `#slug` links work
 * without GitHub's script.
 */
export function addHeadingIds(tree: Root): void {
  const counts = new Map<string, number>();
  for (const element of elements(tree)) {
    if (!HEADING.test(element.tagName) || element.properties.id !== undefined) continue;
    const slug = githubSlug(textOf(element));
    if (slug === "") continue;
    let id = slug;
    let count = counts.get(slug) ?? 0;
    while (counts.has(id)) {
      count += 1;
      id = `${slug}-${count}`;
    }
    counts.set(slug, count);
    counts.set(id, 0);
    element.properties.id = id;
  }
}

/** A heading's anchor as GitHub makes it: lower case, punctuation and symbols removed, spaces to dashes. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}
