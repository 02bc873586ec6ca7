/**
 * Compares an answer the emulator gave with the one api.github.com gave to the same request: the
 * status, the body's fields (keys recursively and the JSON type of each value; the values
 * themselves where the recording kept them), and the headers a client acts on.
 */

export type DifferenceKind = "status" | "missing" | "extra" | "type" | "value" | "length";

export interface Difference {
  /** `status`, `body /labels/0/name`, `header content-type`, `link next`. */
  where: string;
  kind: DifferenceKind;
  recorded: string;
  emulated: string;
}

export interface Comparison {
  /** How many things were compared: the status, each field of the recorded body, each header. */
  compared: number;
  differences: Difference[];
}

/**
 * Values the recording replaced (ids, dates, counts, node ids, avatars), or that depend on when
 * and by whom the request was made: only their presence and type are compared.
 */
const NORMALIZED_KEYS = new Set([
  "id",
  "node_id",
  "avatar_url",
  "created_at",
  "updated_at",
  "pushed_at",
  "closed_at",
  "date",
  "comments",
  "forks",
  "forks_count",
  "network_count",
  "open_issues",
  "open_issues_count",
  "stargazers_count",
  "subscribers_count",
  "watchers",
  "watchers_count",
  "score",
]);

/** Numbers in URLs that are ids (normalized to 1000… in the recording) rather than issue numbers. */
function template(text: string): string {
  return text
    .replace(/\/repositories\/\d+/g, "/repositories/{id}")
    .replace(/\/u\/\d+/g, "/u/{id}")
    .replace(/^\d+\+(?=[^@]+@users\.noreply\.github\.com$)/, "{id}+");
}

const typeOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/**
 * `shape` compares fields and types only, as against a documented example (an instance of the
 * schema, not of this answer): no values, no lengths, arrays by their first items, and `null`
 * agreeing with any type (the field is nullable and the example shows it set, or the reverse).
 */
export function compareBodies(
  recorded: unknown,
  emulated: unknown,
  mode: "answer" | "shape" = "answer",
): Comparison {
  const differences: Difference[] = [];
  let compared = 0;
  const shape = mode === "shape";
  const walk = (want: unknown, got: unknown, path: string, key: string) => {
    compared += 1;
    const where = `body ${path || "/"}`;
    if (shape && (want === null || got === null)) return;
    if (typeOf(want) !== typeOf(got)) {
      differences.push({ where, kind: "type", recorded: typeOf(want), emulated: typeOf(got) });
      return;
    }
    if (Array.isArray(want) && Array.isArray(got)) {
      if (shape) {
        if (want.length > 0 && got.length > 0) walk(want[0], got[0], `${path}/0`, key);
        return;
      }
      if (want.length !== got.length) {
        differences.push({
          where,
          kind: "length",
          recorded: String(want.length),
          emulated: String(got.length),
        });
      }
      for (let index = 0; index < Math.min(want.length, got.length); index++) {
        walk(want[index], got[index], `${path}/${index}`, key);
      }
      return;
    }
    if (typeof want === "object" && want !== null) {
      const gotObject = got as Record<string, unknown>;
      for (const [name, value] of Object.entries(want)) {
        if (!(name in gotObject)) {
          compared += 1;
          differences.push({
            where: `body ${path}/${name}`,
            kind: "missing",
            recorded: show(value),
            emulated: "",
          });
        } else walk(value, gotObject[name], `${path}/${name}`, name);
      }
      for (const name of Object.keys(gotObject)) {
        if (!(name in want)) {
          differences.push({
            where: `body ${path}/${name}`,
            kind: "extra",
            recorded: "",
            emulated: show(gotObject[name]),
          });
        }
      }
      return;
    }
    if (shape || NORMALIZED_KEYS.has(key)) return;
    const same = typeof want === "string" ? template(want) === template(got as string) : want === got;
    if (!same) differences.push({ where, kind: "value", recorded: show(want), emulated: show(got) });
  };
  walk(recorded, emulated, "", "");
  return { compared, differences };
}

/** `<url>; rel="next", …` as a map from relation to URL. */
export function linkRelations(header: string | undefined): Map<string, string> {
  const relations = new Map<string, string>();
  for (const match of (header ?? "").matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)) {
    const [, url, rel] = match;
    if (url !== undefined && rel !== undefined) relations.set(rel, url);
  }
  return relations;
}

/** Headers whose presence matters; their values are per request (or were normalized). */
const PRESENT = ["etag", "x-ratelimit-remaining", "x-ratelimit-reset", "x-ratelimit-used"];
/** Headers whose values matter. */
const EXACT = ["content-type", "x-github-media-type", "x-ratelimit-limit", "x-ratelimit-resource"];

export function compareHeaders(
  recorded: Record<string, string | number>,
  emulated: Record<string, string>,
): Comparison {
  const differences: Difference[] = [];
  let compared = 0;
  const has = (headers: Record<string, unknown>, name: string) => headers[name] !== undefined;
  for (const name of PRESENT) {
    if (!has(recorded, name) && !has(emulated, name)) continue;
    compared += 1;
    if (has(recorded, name) !== has(emulated, name)) {
      differences.push({
        where: `header ${name}`,
        kind: has(recorded, name) ? "missing" : "extra",
        recorded: has(recorded, name) ? "present" : "",
        emulated: has(emulated, name) ? "present" : "",
      });
    }
  }
  for (const name of [...EXACT, "location"]) {
    if (!has(recorded, name) && !has(emulated, name)) continue;
    compared += 1;
    const want = recorded[name] === undefined ? undefined : template(String(recorded[name]));
    const got = emulated[name] === undefined ? undefined : template(emulated[name]);
    if (want === got) continue;
    differences.push({
      where: `header ${name}`,
      kind: want === undefined ? "extra" : got === undefined ? "missing" : "value",
      recorded: want ?? "",
      emulated: got ?? "",
    });
  }
  const wantLinks = linkRelations(recorded.link === undefined ? undefined : String(recorded.link));
  const gotLinks = linkRelations(emulated.link);
  for (const rel of new Set([...wantLinks.keys(), ...gotLinks.keys()])) {
    compared += 1;
    const want = wantLinks.get(rel);
    const got = gotLinks.get(rel);
    if (want !== undefined && got !== undefined && template(want) === template(got)) continue;
    differences.push({
      where: `link ${rel}`,
      kind: want === undefined ? "extra" : got === undefined ? "missing" : "value",
      recorded: want === undefined ? "" : template(want),
      emulated: got === undefined ? "" : template(got),
    });
  }
  return { compared, differences };
}
