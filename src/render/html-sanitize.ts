import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { defaultSchema, type Schema, sanitize } from "hast-util-sanitize";

type Definitions = NonNullable<Schema["attributes"]>[string];

/** The properties holding a URL a browser fetches or follows. */
const URL_PROPERTIES = new Set(["href", "src", "srcSet", "cite", "longDesc"]);

/**
 * No executable scheme anywhere in a URL, tabs and newlines ignored as a browser's URL parser does.
 * The schema's protocol list already refuses one at the start; one later in a relative URL
 * ("/javascript:…") is a harmless path, but no README needs it, and "no executable scheme anywhere"
 * is the simpler promise the page's property test checks.
 */
const NO_EXECUTABLE_SCHEME = new RegExp(
  `^(?![\\s\\S]*(?:${["javascript", "vbscript", "data"]
    .map((scheme) => scheme.split("").join("[\\t\\n\\r]*"))
    .join("|")})[\\t\\n\\r]*:)`,
  "i",
);

function guardUrls(definitions: Definitions): Definitions {
  return definitions.map((definition) =>
    typeof definition === "string" && URL_PROPERTIES.has(definition)
      ? [definition, NO_EXECUTABLE_SCHEME]
      : definition,
  );
}

const attributes = defaultSchema.attributes ?? {};

/**
 * GitHub's rules as hast-util-sanitize's default schema has them (elements, attributes, protocols,
 * `user-content-` prefixed ids and names, the `<picture>`/`<source>` pair), extended only by:
 * - the task-list checkbox's class, which github.com writes on the checkboxes it makes;
 * - `srcset` held to the same protocols as `src` (the schema leaves it unchecked);
 * - the URL guard above;
 * - the elements whose content is code, not prose (style, iframe, …), dropped with their content
 *   rather than left behind as text.
 */
export const PAGE_SCHEMA: Schema = {
  ...defaultSchema,
  attributes: {
    ...Object.fromEntries(Object.entries(attributes).map(([tag, list]) => [tag, guardUrls(list)])),
    input: [...(attributes.input ?? []), ["className", "task-list-item-checkbox"]],
  },
  protocols: { ...defaultSchema.protocols, srcSet: defaultSchema.protocols?.src ?? ["http", "https"] },
  strip: [
    ...(defaultSchema.strip ?? []),
    "style",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "xmp",
    "textarea",
    "title",
  ],
};

/** An HTML fragment parsed as a browser parses it (parse5), keeping only what `PAGE_SCHEMA` allows. */
export function sanitizeHtml(html: string): Root {
  // A root given, a root answered.
  return sanitize(fromHtml(html, { fragment: true }), PAGE_SCHEMA) as Root;
}
