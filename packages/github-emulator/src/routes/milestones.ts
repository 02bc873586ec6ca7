import { alreadyExists, invalidField, notFound } from "../errors.js";
import { paginate } from "../pagination.js";
import { presentMilestone } from "../present/issues.js";
import { dueDateOf } from "../quirks.js";
import { type ApiRequest, created, ok, param, type RouteDefinition } from "../route.js";
import type { MilestoneRecord, RepoRecord } from "../state.js";
import { repoOf } from "./repos.js";

function milestoneOf(request: ApiRequest, repo: RepoRecord): MilestoneRecord {
  const number = Number(param(request, "milestone_number"));
  const milestone = repo.milestones.find((candidate) => candidate.number === number);
  if (!milestone) throw notFound();
  return milestone;
}

function ensureUniqueTitle(repo: RepoRecord, title: string, self?: MilestoneRecord): void {
  const taken = repo.milestones.some(
    (milestone) => milestone !== self && milestone.title.toLowerCase() === title.toLowerCase(),
  );
  if (taken) throw alreadyExists("Milestone", "title");
}

/** Applies `state`, `description` and `due_on` from the body; `due_on` keeps only its US Pacific date. */
function applyFields(request: ApiRequest, milestone: MilestoneRecord, now: string): void {
  const state = request.body.string("state");
  if (state !== undefined) {
    if (state !== "open" && state !== "closed") throw invalidField("Milestone", "state", state);
    if (state !== milestone.state) milestone.closedAt = state === "closed" ? now : null;
    milestone.state = state;
  }
  const description = request.body.nullableString("description");
  if (description !== undefined) milestone.description = description;
  const dueOn = request.body.nullableString("due_on");
  if (dueOn === null) milestone.dueDate = null;
  else if (dueOn !== undefined) {
    const dueDate = dueDateOf(dueOn);
    if (dueDate === undefined) throw invalidField("Milestone", "due_on", dueOn);
    milestone.dueDate = dueDate;
  }
}

function completeness(repo: RepoRecord, milestone: MilestoneRecord): number {
  const members = repo.issues.filter((issue) => issue.milestone === milestone.number);
  return members.length === 0
    ? 0
    : members.filter((issue) => issue.state === "closed").length / members.length;
}

export const milestoneRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/milestones",
    operationId: "issues/list-milestones",
    handle(request) {
      const repo = repoOf(request);
      const state = request.query.get("state") ?? "open";
      const sort = request.query.get("sort") ?? "due_on";
      const sign = request.query.get("direction") === "desc" ? -1 : 1;
      const key = (milestone: MilestoneRecord) =>
        sort === "completeness"
          ? completeness(repo, milestone)
          : milestone.dueDate === null
            ? Number.POSITIVE_INFINITY
            : Date.parse(milestone.dueDate);
      const listed = repo.milestones
        .filter((milestone) => state === "all" || milestone.state === state)
        .sort((left, right) => sign * (key(left) - key(right) || left.number - right.number));
      const page = paginate(request, listed);
      const { store, urls } = request.context;
      return ok(
        page.items.map((milestone) => presentMilestone(repo, milestone, store, urls)),
        page.headers,
      );
    },
  },
  {
    method: "POST",
    path: "/repos/:owner/:repo/milestones",
    operationId: "issues/create-milestone",
    createsContent: true,
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const title = request.body.requiredString("title");
      ensureUniqueTitle(repo, title);
      const now = store.now();
      const milestone: MilestoneRecord = {
        id: store.nextId(),
        number: repo.lastMilestoneNumber + 1,
        title,
        description: null,
        state: "open",
        dueDate: null,
        creator: request.actor.login,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      };
      applyFields(request, milestone, now);
      repo.lastMilestoneNumber = milestone.number;
      repo.milestones.push(milestone);
      const presented = presentMilestone(repo, milestone, store, urls);
      return created(presented, presented.url);
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/milestones/:milestone_number",
    operationId: "issues/get-milestone",
    handle(request) {
      const repo = repoOf(request);
      return ok(
        presentMilestone(repo, milestoneOf(request, repo), request.context.store, request.context.urls),
      );
    },
  },
  {
    method: "PATCH",
    path: "/repos/:owner/:repo/milestones/:milestone_number",
    operationId: "issues/update-milestone",
    createsContent: true,
    handle(request) {
      const { store, urls } = request.context;
      const repo = repoOf(request);
      const milestone = milestoneOf(request, repo);
      const title = request.body.string("title");
      if (title !== undefined) {
        ensureUniqueTitle(repo, title, milestone);
        milestone.title = title;
      }
      const now = store.now();
      applyFields(request, milestone, now);
      milestone.updatedAt = now;
      return ok(presentMilestone(repo, milestone, store, urls));
    },
  },
];
