import type { components } from "@octokit/openapi-types";
import { apiError, characterCount, invalidRequest, notFound, validationFailed } from "../errors.js";
import { paginate } from "../pagination.js";
import { nodeId } from "../present/users.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { CheckAnnotationRecord, CheckRunRecord, RepoRecord } from "../state.js";
import { repoOf } from "./repos.js";

type Schemas = components["schemas"];

/** GitHub accepts at most 50 annotations per request; more are sent by further updates. */
const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** `output.summary` and `output.text`: "Maximum length: 65535 characters", checked as bytes too. */
const MAX_OUTPUT = 65_535;
/** An annotation's `message` and `raw_details`: "The maximum size is 64 KB." */
const MAX_ANNOTATION_BYTES = 64 * 1024;
/** An annotation's `title`: "The maximum size is 255 characters." */
const MAX_ANNOTATION_TITLE = 255;
const STATUSES = new Set(["queued", "in_progress", "completed"]);
const CONCLUSIONS = new Set([
  "action_required",
  "cancelled",
  "failure",
  "neutral",
  "success",
  "skipped",
  "stale",
  "timed_out",
]);
const LEVELS = new Set(["notice", "warning", "failure"]);

function checkRunsOf(repo: RepoRecord): CheckRunRecord[] {
  repo.checkRuns ??= [];
  return repo.checkRuns;
}

function present(request: ApiRequest, repo: RepoRecord, run: CheckRunRecord): Schemas["check-run"] {
  const { urls } = request.context;
  const url = `${urls.api}/repos/${repo.owner}/${repo.name}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: nodeId("CR", run.id),
    head_sha: run.headSha,
    external_id: run.externalId,
    url,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion as Schemas["check-run"]["conclusion"],
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      ...run.output,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id },
    app: null,
    pull_requests: [],
  };
}

/**
 * GitHub checks an output text twice: its request schema counts characters ("Only 65535 characters
 * are allowed; N were supplied."), then the check run counts UTF-8 bytes ("summary exceeds a
 * maximum bytesize of 65535", github/docs#35252).
 */
function checkOutputText(field: "summary" | "text", value: unknown): void {
  if (typeof value !== "string") return;
  const characters = characterCount(value);
  if (characters > MAX_OUTPUT) {
    throw invalidRequest(`Only ${MAX_OUTPUT} characters are allowed; ${characters} were supplied.`);
  }
  if (Buffer.byteLength(value, "utf8") > MAX_OUTPUT) {
    throw validationFailed([
      {
        resource: "CheckRun",
        code: "custom",
        field,
        message: `${field} exceeds a maximum bytesize of ${MAX_OUTPUT}`,
      },
    ]);
  }
}

function checkAnnotationText(entry: Record<string, unknown>): void {
  for (const field of ["message", "raw_details"]) {
    const value = entry[field];
    if (typeof value === "string" && Buffer.byteLength(value, "utf8") > MAX_ANNOTATION_BYTES) {
      throw validationFailed([
        {
          resource: "CheckRun",
          code: "custom",
          field: `annotations.${field}`,
          message: `${field} exceeds a maximum bytesize of ${MAX_ANNOTATION_BYTES}`,
        },
      ]);
    }
  }
  if (typeof entry.title === "string" && characterCount(entry.title) > MAX_ANNOTATION_TITLE) {
    throw validationFailed([
      {
        resource: "CheckRun",
        code: "custom",
        field: "annotations.title",
        message: `title is too long (maximum is ${MAX_ANNOTATION_TITLE} characters)`,
      },
    ]);
  }
}

function readAnnotations(output: Record<string, unknown> | undefined): CheckAnnotationRecord[] {
  const raw = output?.annotations;
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw validationFailed([{ resource: "CheckRun", field: "output.annotations", code: "invalid" }]);
  if (raw.length > MAX_ANNOTATIONS_PER_REQUEST) {
    throw apiError(422, `Only ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request`);
  }
  return raw.map((entry: Record<string, unknown>) => {
    const line = (name: string) => (typeof entry[name] === "number" ? (entry[name] as number) : undefined);
    const startLine = line("start_line");
    const endLine = line("end_line");
    const level = entry.annotation_level;
    if (
      typeof entry.path !== "string" ||
      startLine === undefined ||
      endLine === undefined ||
      typeof entry.message !== "string" ||
      !LEVELS.has(String(level))
    ) {
      throw validationFailed([{ resource: "CheckRun", field: "output.annotations", code: "invalid" }]);
    }
    checkAnnotationText(entry);
    // GitHub takes columns only on single-line annotations.
    const columns = startLine === endLine;
    return {
      path: entry.path,
      start_line: startLine,
      end_line: endLine,
      start_column: columns ? (line("start_column") ?? null) : null,
      end_column: columns ? (line("end_column") ?? null) : null,
      annotation_level: level as CheckAnnotationRecord["annotation_level"],
      title: typeof entry.title === "string" ? entry.title : null,
      message: entry.message,
      raw_details: typeof entry.raw_details === "string" ? entry.raw_details : null,
    };
  });
}

/** Applies the body's fields to `run`, all or none: a refused request changes nothing. */
function applyFields(request: ApiRequest, run: CheckRunRecord): void {
  const { body, context } = request;
  const status = body.string("status");
  const conclusion = body.string("conclusion");
  if (status !== undefined && !STATUSES.has(status))
    throw validationFailed([{ resource: "CheckRun", field: "status", code: "invalid" }]);
  if (conclusion !== undefined && !CONCLUSIONS.has(conclusion)) {
    throw validationFailed([{ resource: "CheckRun", field: "conclusion", code: "invalid" }]);
  }
  // GitHub requires a conclusion with status "completed".
  if (status === "completed" && conclusion === undefined && run.conclusion === null) {
    throw validationFailed([{ resource: "CheckRun", field: "conclusion", code: "missing_field" }]);
  }
  const output = body.object("output");
  if (output) {
    checkOutputText("summary", output.summary);
    checkOutputText("text", output.text);
  }
  const annotations = readAnnotations(output);
  if (status !== undefined) run.status = status as CheckRunRecord["status"];
  if (conclusion !== undefined) {
    run.conclusion = conclusion;
    run.status = "completed";
  }
  if (run.status === "completed") run.completedAt ??= body.string("completed_at") ?? context.store.now();
  run.detailsUrl = body.string("details_url") ?? run.detailsUrl;
  run.externalId = body.string("external_id") ?? run.externalId;
  if (output) {
    const text = (name: string) => (typeof output[name] === "string" ? (output[name] as string) : null);
    run.output = {
      title: text("title") ?? run.output.title,
      summary: text("summary") ?? run.output.summary,
      text: text("text") ?? run.output.text,
    };
  }
  run.annotations.push(...annotations);
}

function runOf(request: ApiRequest, repo: RepoRecord): CheckRunRecord {
  const run = checkRunsOf(repo).find((candidate) => candidate.id === Number(param(request, "check_run_id")));
  if (!run) throw notFound();
  return run;
}

export const checkRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/repos/:owner/:repo/check-runs",
    operationId: "checks/create",
    createsContent: true,
    handle(request) {
      const { store } = request.context;
      const repo = repoOf(request);
      const run: CheckRunRecord = {
        id: store.nextId(),
        name: request.body.requiredString("name"),
        headSha: request.body.requiredString("head_sha"),
        status: "queued",
        conclusion: null,
        startedAt: request.body.string("started_at") ?? store.now(),
        completedAt: null,
        detailsUrl: null,
        externalId: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
      };
      applyFields(request, run);
      checkRunsOf(repo).push(run);
      const presented = present(request, repo, run);
      return created(presented, presented.url);
    },
  },
  {
    method: "PATCH",
    path: "/repos/:owner/:repo/check-runs/:check_run_id",
    operationId: "checks/update",
    handle(request) {
      const repo = repoOf(request);
      const run = runOf(request, repo);
      applyFields(request, run);
      return ok(present(request, repo, run));
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/check-runs/:check_run_id",
    operationId: "checks/get",
    handle(request) {
      const repo = repoOf(request);
      return ok(present(request, repo, runOf(request, repo)));
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/check-runs/:check_run_id/annotations",
    operationId: "checks/list-annotations",
    handle(request) {
      const repo = repoOf(request);
      const run = runOf(request, repo);
      const blob = `${request.context.urls.web}/${repo.owner}/${repo.name}/blob/${run.headSha}`;
      const page = paginate(request, run.annotations);
      return ok(
        page.items.map((annotation): Schemas["check-annotation"] => ({
          ...annotation,
          blob_href: `${blob}/${annotation.path}`,
        })),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/commits/:ref/check-runs",
    operationId: "checks/list-for-ref",
    handle(request) {
      const repo = repoOf(request);
      const ref = param(request, "ref");
      // The ref may be a SHA, a branch or a tag name, as GitHub takes it.
      const sha = request.context.store.git(repo).resolveCommitish(ref) ?? ref;
      const runs = checkRunsOf(repo).filter((run) => run.headSha === sha);
      const page = paginate(request, runs);
      return ok(
        { total_count: runs.length, check_runs: page.items.map((run) => present(request, repo, run)) },
        page.headers,
      );
    },
  },
];
