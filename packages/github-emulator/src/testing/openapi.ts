import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";
import type { RequestRecord } from "../index.js";

/**
 * Checks what the emulator received and answered against GitHub's official OpenAPI description
 * (`@octokit/openapi`'s api.github.com.json). Only that one file is read, never the package's
 * index, which loads every spec it ships.
 */

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}

interface Operation {
  operationId: string;
  description?: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  responses: Record<string, Json>;
}

interface PathTemplate {
  template: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  item: Record<string, Operation>;
}

interface CompiledOperation {
  method: string;
  template: string;
  operation: Operation;
  pathParams: ValidateFunction;
  queryParams: ValidateFunction;
  body: ValidateFunction | undefined;
  bodyRequired: boolean;
  responses: Map<string, ValidateFunction | "no-content">;
  /** The answers to the object media type (`application/vnd.github.object`), where they differ. */
  objectResponses: Map<string, ValidateFunction>;
}

const DOC_ID = "github";

/**
 * Where GitHub's description contradicts itself, the schema a response is checked against instead,
 * by `operationId status`.
 */
const ERRATA: Readonly<Record<string, Json>> = {
  // The copy of `installation` inlined here says its account is a user AND an enterprise (`allOf`),
  // which no account is; the component it copies says either one (`anyOf`), as GitHub answers.
  "apps/list-installations 200": { type: "array", items: { $ref: "#/components/schemas/installation" } },
  // The description gives this 422 no body; GitHub sends its message ("Reference does not exist").
  "git/delete-ref 422": { $ref: "#/components/schemas/basic-error" },
  // An issue's events include `closed` and `reopened`, which the description lists only for the
  // timeline, and `assigned` with a null app, which its `assigned-issue-event` forbids (the
  // timeline's copy allows it).
  "issues/list-events 200": {
    type: "array",
    items: {
      anyOf: [
        { $ref: "#/components/schemas/issue-event-for-issue" },
        { $ref: "#/components/schemas/state-change-issue-event" },
        { $ref: "#/components/schemas/timeline-assigned-issue-event" },
        { $ref: "#/components/schemas/timeline-unassigned-issue-event" },
      ],
    },
  },
};

/** The labels an issue's labels endpoints take: `{labels}` (names or `{name}` objects), the array itself, or a name. */
function labelsBody(minItems: number): Json {
  const names = { type: "array", minItems, items: { type: "string" } };
  const objects = {
    type: "array",
    minItems,
    items: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
  };
  return {
    anyOf: [
      { type: "object", properties: { labels: { anyOf: [names, objects, { type: "string" }] } } },
      names,
      { type: "string" },
    ],
  };
}

/**
 * Where the description of a request body contradicts its own text, the schema a request is
 * checked against instead, by `operationId`.
 */
const REQUEST_ERRATA: Readonly<Record<string, Json>> = {
  // "You can also pass an `array` of labels directly": its schema takes only an object.
  "issues/add-labels": labelsBody(1),
  // "You can pass an empty array to remove all labels. Alternatively, you can pass a single label
  // as a `string` or an `array` of labels directly": its schema allows none of these.
  "issues/set-labels": labelsBody(0),
};

/**
 * What api.github.com still answers though its description no longer lists it: the legacy refs
 * endpoint (`GET …/git/refs` and `GET …/git/refs/{ref}`: one ref, or the refs a prefix matches).
 */
const UNDESCRIBED: readonly { method: string; pattern: RegExp; operationId: string; ok: Json }[] = [
  {
    method: "GET",
    pattern: /^\/repos\/[^/]+\/[^/]+\/git\/refs(?:\/.*)?$/,
    operationId: "git/list-refs",
    ok: {
      anyOf: [
        { $ref: "#/components/schemas/git-ref" },
        { type: "array", items: { $ref: "#/components/schemas/git-ref" } },
      ],
    },
  },
];
const MULTI_SEGMENT = new Set(["path", "ref"]);
const SPEC_PATH = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

/**
 * OpenAPI 3.0 -> JSON Schema for Ajv: `nullable: true` becomes a union with null, and local
 * `$ref`s point into the shared document that holds the components. `oneOf` is read as `anyOf`:
 * GitHub's description uses it for alternatives that overlap (a 409 is `basic-error` or
 * `repository-rule-violation-error`, and any error body is both), where exactly-one can never hold.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "nullable" || key === "discriminator" || key === "example" || key === "examples") continue;
    const name = key === "oneOf" ? "anyOf" : key;
    out[name] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/")
        ? `${DOC_ID}${value}`
        : toJsonSchema(value);
  }
  if ((node as Json).nullable !== true) return out;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: "null" }] };
}

class OpenApiValidator {
  private readonly templates: PathTemplate[];
  private readonly spec: { paths: Record<string, Record<string, Operation>>; components: Json };
  private readonly ajv: Ajv;
  /** Query and path parameters arrive as strings; this instance coerces them to the declared types. */
  private readonly coercing: Ajv;
  private readonly compiled = new Map<string, CompiledOperation>();
  private readonly undescribed = new Map<string, ValidateFunction>();
  private readonly genericErrors: { basic: ValidateFunction; validation: ValidateFunction };

  constructor() {
    this.spec = JSON.parse(readFileSync(SPEC_PATH, "utf8"));
    const components = toJsonSchema(this.spec.components) as Json;
    const make = (coerceTypes: boolean) => {
      const ajv = new Ajv({
        strict: false,
        allErrors: true,
        coerceTypes,
        validateSchema: false,
        logger: false,
      });
      addFormats(ajv);
      for (const format of ["int32", "int64", "double", "binary", "repo.nwo", "timestamp"])
        ajv.addFormat(format, true);
      ajv.addSchema({ $id: DOC_ID, components } as AnySchema);
      return ajv;
    };
    this.ajv = make(false);
    this.coercing = make(true);
    this.templates = Object.entries(this.spec.paths)
      .map(([template, item]) => pathTemplate(template, item))
      .sort((left, right) => right.literals - left.literals);
    this.genericErrors = {
      basic: this.ajv.compile({ $ref: `${DOC_ID}#/components/schemas/basic-error` }),
      validation: this.ajv.compile({ $ref: `${DOC_ID}#/components/schemas/validation-error` }),
    };
  }

  validate(record: RequestRecord, options: ValidationOptions): string[] {
    const where = `${record.method} ${record.path} -> ${record.status}`;
    // GraphQL is described by GitHub's GraphQL schema, not by the REST description.
    if (record.method === "POST" && record.path === "/graphql") return [];
    // GitHub serves each repository route under /repositories/{id} too (where its redirects after a
    // rename point); the description lists them under /repos/{owner}/{repo} only.
    const path =
      record.operationId === null
        ? record.path
        : record.path.replace(/^\/repositories\/\d+(?=\/|$)/, "/repos/_/_");
    const match = this.find(record.method, path);
    const undescribed = UNDESCRIBED.find(
      (route) => route.method === record.method && route.pattern.test(record.path),
    );
    if (!match && undescribed) return this.checkUndescribed(where, undescribed, record);
    if (!match) {
      if (record.status === 404 && record.operationId === null) return this.checkGenericError(where, record);
      return [`${where}: no operation in the description for ${record.method} ${record.path}`];
    }
    const { operation, params } = match;
    const problems: string[] = [];
    if (record.operationId !== operation.operation.operationId) {
      problems.push(
        `${where}: served as ${String(record.operationId)}, described as ${operation.operation.operationId}`,
      );
    }
    const accepted = record.status > 0 && record.status < 400;
    if (options.requests === "all" || accepted)
      problems.push(...this.checkRequest(where, operation, params, record));
    if (record.status > 0) problems.push(...this.checkResponse(where, operation, record));
    return problems;
  }

  private find(method: string, rawPath: string) {
    for (const template of this.templates) {
      const operation = template.item[method.toLowerCase()];
      if (!operation) continue;
      const found = template.pattern.exec(rawPath);
      if (!found) continue;
      const params = Object.fromEntries(
        template.names.map((name, index) => [name, safeDecode(found[index + 1] ?? "")]),
      );
      return { operation: this.compile(method, template, operation), params };
    }
    return undefined;
  }

  private compile(method: string, template: PathTemplate, operation: Operation): CompiledOperation {
    const key = `${method} ${template.template}`;
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const parameters = (operation.parameters ?? []).map((parameter) => this.resolve<Parameter>(parameter));
    const parameterSchema = (location: string, closed: boolean) => {
      const own = parameters.filter((parameter) => parameter.in === location);
      return {
        type: "object",
        properties: Object.fromEntries(
          own.map((parameter) => [parameter.name, toJsonSchema(parameter.schema ?? {})]),
        ),
        required: own.filter((parameter) => parameter.required).map((parameter) => parameter.name),
        additionalProperties: !closed,
      };
    };
    const bodySchema =
      REQUEST_ERRATA[operation.operationId] ?? operation.requestBody?.content?.["application/json"]?.schema;
    const responses = new Map<string, ValidateFunction | "no-content">();
    const objectResponses = new Map<string, ValidateFunction>();
    for (const [status, raw] of Object.entries(operation.responses)) {
      const response = this.resolve<{ content?: Record<string, { schema?: Json }> }>(raw);
      const schema =
        ERRATA[`${operation.operationId} ${status}`] ?? response.content?.["application/json"]?.schema;
      responses.set(status, schema ? this.ajv.compile(toJsonSchema(schema) as AnySchema) : "no-content");
      const objectSchema = response.content?.["application/vnd.github.object"]?.schema;
      if (objectSchema)
        objectResponses.set(status, this.ajv.compile(toJsonSchema(objectSchema) as AnySchema));
    }
    const compiled: CompiledOperation = {
      method,
      template: template.template,
      operation,
      pathParams: this.coercing.compile(parameterSchema("path", false)),
      queryParams: this.coercing.compile(parameterSchema("query", true)),
      body: bodySchema ? this.ajv.compile(toJsonSchema(bodySchema) as AnySchema) : undefined,
      bodyRequired: operation.requestBody?.required === true,
      responses,
      objectResponses,
    };
    this.compiled.set(key, compiled);
    return compiled;
  }

  private resolve<T>(node: unknown): T {
    let current = node as Json;
    while (typeof current.$ref === "string") {
      const pointer = current.$ref.replace(/^#\//, "").split("/");
      current = pointer.reduce<Json>(
        (at, part) => at[part.replaceAll("~1", "/").replaceAll("~0", "~")] as Json,
        this.spec as unknown as Json,
      );
    }
    return current as T;
  }

  private checkRequest(
    where: string,
    compiled: CompiledOperation,
    params: Json,
    record: RequestRecord,
  ): string[] {
    const problems = [
      ...errorsOf(`${where}: path`, compiled.pathParams, { ...params }),
      ...errorsOf(`${where}: query`, compiled.queryParams, { ...record.query }),
    ];
    if (record.requestBody === undefined) {
      if (compiled.bodyRequired) problems.push(`${where}: request body is required`);
    } else if (!compiled.body) {
      problems.push(`${where}: the operation takes no request body`);
    } else {
      problems.push(...errorsOf(`${where}: request body`, compiled.body, record.requestBody));
    }
    return problems;
  }

  private checkResponse(where: string, compiled: CompiledOperation, record: RequestRecord): string[] {
    // The raw and HTML media types send bytes, not JSON, where the operation says it supports them.
    const bytes = /^application\/vnd\.github(?:\.v3)?\.(raw|html)/.exec(
      record.responseHeaders["content-type"] ?? "",
    )?.[1];
    if (bytes) {
      return record.status === 200 &&
        compiled.operation.description?.includes(`application/vnd.github.${bytes}`)
        ? []
        : [`${where}: ${bytes} bytes, but ${compiled.operation.operationId} does not offer that media type`];
    }
    // The object media type has its own schema where the operation describes one.
    const asObject = record.responseHeaders["x-github-media-type"]?.includes("param=object")
      ? compiled.objectResponses.get(String(record.status))
      : undefined;
    const validator =
      asObject ?? compiled.responses.get(String(record.status)) ?? compiled.responses.get("default");
    // Any request to a renamed repository's old name is redirected, whatever the operation.
    if ((record.status === 301 || record.status === 307) && record.responseHeaders.location)
      return this.checkGenericError(where, record);
    // Any GET may answer a conditional request with 304 (RFC 9110), though the description lists it for few.
    if (validator === undefined && record.status === 304 && record.method === "GET") {
      return record.responseBody === undefined ? [] : [`${where}: a 304 has no body`];
    }
    if (validator === undefined) {
      // GitHub answers errors the description leaves out (a 422 on a PATCH it lists only 200 for);
      // their body must still be one of its error shapes.
      if (record.status >= 400) return this.checkGenericError(where, record);
      return [`${where}: status ${record.status} is not described for ${compiled.operation.operationId}`];
    }
    if (validator === "no-content") {
      return record.responseBody === undefined
        ? []
        : [`${where}: the description has no body for this status`];
    }
    return errorsOf(`${where}: response body`, validator, record.responseBody);
  }

  private checkUndescribed(
    where: string,
    route: (typeof UNDESCRIBED)[number],
    record: RequestRecord,
  ): string[] {
    if (record.operationId !== route.operationId)
      return [`${where}: served as ${String(record.operationId)}, expected ${route.operationId}`];
    if (record.status >= 400) return this.checkGenericError(where, record);
    if (record.status === 304) return [];
    const key = `undescribed ${route.operationId}`;
    let validate = this.undescribed.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(route.ok) as AnySchema);
      this.undescribed.set(key, validate);
    }
    return errorsOf(`${where}: response body`, validate, record.responseBody);
  }

  private checkGenericError(where: string, record: RequestRecord): string[] {
    const validator = record.status === 422 ? this.genericErrors.validation : this.genericErrors.basic;
    return errorsOf(`${where}: error body`, validator, record.responseBody);
  }
}

function pathTemplate(template: string, item: Record<string, Operation>): PathTemplate {
  const names: string[] = [];
  const segments = template.split("/").slice(1);
  const pattern = segments
    .map((segment, index) => {
      const param = /^\{(.+)\}$/.exec(segment);
      if (!param?.[1]) return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
      names.push(param[1]);
      // A file path or a ref (heads/feature/x) may span segments when it comes last; when it is
      // empty, Octokit drops the slash before it too (`/contents` for the root).
      return index === segments.length - 1 && MULTI_SEGMENT.has(param[1]) ? "(?:/(.*))?" : "/([^/]+)";
    })
    .join("");
  const literals = segments.filter((segment) => !segment.startsWith("{")).length;
  return { template, pattern: new RegExp(`^${pattern}$`), names, literals, item };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    // A malformed escape reaches the server as sent; compare it as sent.
    if (error instanceof URIError) return text;
    throw error;
  }
}

function errorsOf(where: string, validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).slice(0, 8).map((error: ErrorObject) => {
    const detail =
      error.keyword === "additionalProperties" ? ` (${String(error.params.additionalProperty)})` : "";
    return `${where} ${error.instancePath || "/"} ${error.message ?? error.keyword}${detail}`;
  });
}

export interface ValidationOptions {
  /**
   * `all` (the default) checks every request; `accepted` only those the emulator answered below
   * 400, for tests that send invalid requests on purpose and expect GitHub's refusal.
   */
  requests?: "all" | "accepted";
}

let shared: OpenApiValidator | undefined;

/** Every mismatch between the log and GitHub's OpenAPI description, one readable line each. */
export function validateAgainstOpenApi(
  log: readonly RequestRecord[],
  options: ValidationOptions = {},
): string[] {
  shared ??= new OpenApiValidator();
  const validator = shared;
  return log.flatMap((record) => validator.validate(record, { requests: options.requests ?? "all" }));
}
