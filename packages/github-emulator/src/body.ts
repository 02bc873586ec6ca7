import { invalidRequest } from "./errors.js";

type JsonType = "string" | "integer" | "boolean" | "array" | "object";

function typeOf(value: unknown): JsonType | "number" | "null" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

/**
 * Reads fields of a JSON request body, answering a field of the wrong type the way GitHub does
 * (422 "Invalid request. For 'properties/x', … is not a string.").
 */
export class BodyReader {
  /** `document` is the whole JSON body when it is not an object (an array a route accepts); else `raw`. */
  constructor(
    readonly raw: Record<string, unknown>,
    readonly document: unknown = raw,
  ) {}

  has(name: string): boolean {
    return Object.hasOwn(this.raw, name);
  }

  value(name: string): unknown {
    return this.has(name) ? this.raw[name] : undefined;
  }

  private typed(name: string, types: readonly JsonType[], nullable: boolean): unknown {
    const value = this.value(name);
    if (value === undefined || (nullable && value === null)) return value;
    if (!types.includes(typeOf(value) as JsonType)) {
      throw invalidRequest(`For 'properties/${name}', ${JSON.stringify(value)} is not ${article(types)}.`);
    }
    return value;
  }

  string(name: string): string | undefined {
    return this.typed(name, ["string"], false) as string | undefined;
  }

  nullableString(name: string): string | null | undefined {
    return this.typed(name, ["string"], true) as string | null | undefined;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw invalidRequest(`"${name}" wasn't supplied.`);
    return value;
  }

  integer(name: string): number | undefined {
    return this.typed(name, ["integer"], false) as number | undefined;
  }

  boolean(name: string): boolean | undefined {
    return this.typed(name, ["boolean"], false) as boolean | undefined;
  }

  array(name: string): unknown[] | undefined {
    return this.typed(name, ["array"], false) as unknown[] | undefined;
  }

  stringArray(name: string): string[] | undefined {
    const values = this.array(name);
    values?.forEach((value, index) => {
      if (typeof value !== "string") {
        throw invalidRequest(`For 'items', ${JSON.stringify(value)} is not a string (at ${name}[${index}]).`);
      }
    });
    return values as string[] | undefined;
  }

  object(name: string): Record<string, unknown> | undefined {
    return this.typed(name, ["object"], false) as Record<string, unknown> | undefined;
  }

  /** A string field that GitHub also accepts as a number (an issue's title). */
  text(name: string, nullable = false): string | null | undefined {
    const value = this.typed(name, ["string", "integer"], nullable);
    return typeof value === "number" ? String(value) : (value as string | null | undefined);
  }
}

function article(types: readonly JsonType[]): string {
  return types
    .map((type) => (type === "integer" || type === "array" || type === "object" ? `an ${type}` : `a ${type}`))
    .join(" or ");
}
