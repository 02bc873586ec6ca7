import type { Root } from "hast";
import { elements } from "./html-tree.js";

/** Answers every `<source media>`'s colour-scheme query for a forced theme (for screenshots). */
export function forceSourceColorScheme(tree: Root, theme: "light" | "dark"): void {
  for (const element of elements(tree)) {
    const media = element.properties.media;
    if (element.tagName === "source" && typeof media === "string") {
      element.properties.media = forceColorScheme(media, theme);
    }
  }
}

const COLOR_SCHEME_FEATURE = /^\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)$/i;

/**
 * A `<source>` media query list with `prefers-color-scheme` answered for a forced theme: the matching
 * scheme becomes true ("all", or the rest of the query), the other false ("not all"). A query it
 * does not understand is left as it is.
 */
export function forceColorScheme(media: string, theme: "light" | "dark"): string {
  if (!/prefers-color-scheme/i.test(media)) return media;
  return media
    .split(",")
    .map((item) => {
      const query = item.trim();
      const negated = /^not\s+(.*)$/is.exec(query);
      const answer = answerColorScheme(negated ? (negated[1] as string) : query, theme);
      if (answer === undefined) return query;
      if (!negated) return answer;
      return answer === "all" ? "not all" : answer === "not all" ? "all" : `not ${answer}`;
    })
    .join(", ");
}

/** One query (without a leading "not") with its colour-scheme features answered; undefined if unsure. */
function answerColorScheme(query: string, theme: "light" | "dark"): string | undefined {
  if (/\sor\s/i.test(query)) return undefined;
  const parts = query.split(/\s+and\s+/i).map((part) => part.trim());
  const schemes = parts.map((part) => COLOR_SCHEME_FEATURE.exec(part)?.[1]?.toLowerCase());
  if (schemes.every((scheme) => scheme === undefined)) return undefined;
  if (schemes.some((scheme) => scheme !== undefined && scheme !== theme)) return "not all";
  const rest = parts.filter((_, k) => schemes[k] === undefined);
  if (rest.length === 0) return "all";
  return /prefers-color-scheme/i.test(rest.join(" ")) ? undefined : rest.join(" and ");
}
