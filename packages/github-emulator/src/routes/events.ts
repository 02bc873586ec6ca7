import { notFound } from "../errors.js";
import { paginate } from "../pagination.js";
import { presentIssueEvent, presentTimeline } from "../present/events.js";
import { ok, param, type RouteDefinition } from "../route.js";
import { issueOf } from "./issues.js";
import { repoOf } from "./repos.js";

export const eventRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/:issue_number/events",
    operationId: "issues/list-events",
    handle(request) {
      const repo = repoOf(request);
      const issue = issueOf(request, repo);
      const events = (repo.events ?? []).filter((event) => event.issueNumber === issue.number);
      const page = paginate(request, events);
      return ok(
        page.items.map((event) => presentIssueEvent(repo, event, request.context, false)),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/events",
    operationId: "issues/list-events-for-repo",
    handle(request) {
      const repo = repoOf(request);
      // Newest first, as GitHub lists a repository's events.
      const events = [...(repo.events ?? [])].reverse();
      const page = paginate(request, events);
      return ok(
        page.items.map((event) => presentIssueEvent(repo, event, request.context, true)),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/events/:event_id",
    operationId: "issues/get-event",
    handle(request) {
      const repo = repoOf(request);
      const event = (repo.events ?? []).find(
        (candidate) => candidate.id === Number(param(request, "event_id")),
      );
      if (!event) throw notFound();
      return ok(presentIssueEvent(repo, event, request.context, true));
    },
  },
  {
    method: "GET",
    path: "/repos/:owner/:repo/issues/:issue_number/timeline",
    operationId: "issues/list-events-for-timeline",
    handle(request) {
      const repo = repoOf(request);
      const issue = issueOf(request, repo);
      const page = paginate(request, presentTimeline(repo, issue.number, request.context));
      return ok(page.items, page.headers);
    },
  },
];
