import { alreadyExists, checkLength, invalidField, notFound } from "../errors.js";
import { paginate } from "../pagination.js";
import { presentLabel } from "../present/issues.js";
import { IMPLICIT_LABEL_COLOR, isLabelColor } from "../quirks.js";
import { findLabel } from "../records.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { LabelRecord, RepoRecord } from "../state.js";
import { repoOf } from "./repos.js";

/** 422 "name is too long (maximum is 50 characters)". */
const MAX_NAME = 50;
/** "A short description of the label. Must be 100 characters or fewer." */
const MAX_DESCRIPTION = 100;

function labelOf(request: ApiRequest, repo: RepoRecord): LabelRecord {
  const label = findLabel(repo, param(request, "name"));
  if (!label) throw notFound();
  return label;
}

function checkColor(color: string | undefined): void {
  // Recorded on api.github.com (@octokit/fixtures, scenario `errors`): the refused color is not echoed back.
  if (color !== undefined && !isLabelColor(color)) throw invalidField("Label", "color");
}

function checkText(name: string | undefined, description: string | null | undefined): void {
  checkLength("Label", "name", name, MAX_NAME);
  checkLength("Label", "description", description, MAX_DESCRIPTION);
}

export const labelRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/labels",
    operationId: "issues/list-labels-for-repo",
    handle(request) {
      const repo = repoOf(request);
      const sorted = [...repo.labels].sort((left, right) =>
        left.name.toLowerCase().localeCompare(right.name.toLowerCase()),
      );
      const page = paginate(request, sorted);
      return ok(
        page.items.map((label) => presentLabel(repo, label, request.context.urls)),
        page.headers,
      );
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/labels",
    operationId: "issues/create-label",
    createsContent: true,
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const name = request.body.requiredString("name");
      const color = request.body.string("color");
      const description = request.body.nullableString("description");
      checkColor(color);
      checkText(name, description);
      if (findLabel(repo, name)) throw alreadyExists("Label", "name");
      const label: LabelRecord = {
        id: store.nextId(),
        name,
        color: color ?? IMPLICIT_LABEL_COLOR,
        description: description ?? null,
      };
      repo.labels.push(label);
      const presented = presentLabel(repo, label, urls);
      return created(presented, presented.url);
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/labels/:name",
    operationId: "issues/get-label",
    handle(request) {
      const repo = repoOf(request);
      return ok(presentLabel(repo, labelOf(request, repo), request.context.urls));
    },
  },
  {
    method: "PATCH",
    path: "/repos/:owner/:repo/labels/:name",
    operationId: "issues/update-label",
    createsContent: true,
    handle(request) {
      const repo = repoOf(request);
      const label = labelOf(request, repo);
      const newName = request.body.string("new_name");
      const color = request.body.string("color");
      const description = request.body.nullableString("description");
      checkColor(color);
      checkText(newName, description);
      if (newName !== undefined) {
        const holder = findLabel(repo, newName);
        if (holder && holder !== label) throw alreadyExists("Label", "name");
        label.name = newName;
      }
      if (color !== undefined) label.color = color;
      if (description !== undefined) label.description = description;
      return ok(presentLabel(repo, label, request.context.urls));
    },
  },
  {
    method: "DELETE",
    path: "/repos/:owner/:repo/labels/:name",
    operationId: "issues/delete-label",
    handle(request) {
      const repo = repoOf(request);
      const label = labelOf(request, repo);
      repo.labels = repo.labels.filter((candidate) => candidate !== label);
      // GitHub takes a deleted label off every issue and pull request that carried it.
      for (const issue of repo.issues) issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
      return { status: 204, body: undefined };
    },
  },
];
