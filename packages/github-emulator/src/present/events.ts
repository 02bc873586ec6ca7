import type { components } from "@octokit/openapi-types";
import type { EmulatorContext } from "../route.js";
import type { IssueEventKind, IssueEventRecord, RepoRecord } from "../state.js";
import { performedVia } from "./apps.js";
import { presentComment, presentIssue } from "./issues.js";
import { presentUser } from "./users.js";

type Schemas = components["schemas"];

/** The prefixes of GitHub's node ids for each kind of event (`LE_…` for a labeled event). */
const NODE_PREFIX: Record<IssueEventKind, string> = {
  closed: "CE",
  merged: "ME",
  reopened: "REE",
  labeled: "LE",
  unlabeled: "UNLE",
  milestoned: "MIE",
  demilestoned: "DEME",
  renamed: "RTE",
  assigned: "AE",
  unassigned: "UAE",
};

/**
 * An issue event, as the events and timeline APIs show it; `issue` is embedded only by the
 * repository-wide endpoints (`GET …/issues/events`, `GET …/issues/events/{id}`).
 */
export function presentIssueEvent(
  repo: RepoRecord,
  event: IssueEventRecord,
  context: EmulatorContext,
  withIssue: boolean,
): Schemas["issue-event"] {
  const { store, urls } = context;
  const api = urls.repo(repo);
  const actor = presentUser(store.user(event.actor), urls);
  const issue = repo.issues.find((candidate) => candidate.number === event.issueNumber);
  return {
    id: event.id,
    node_id: `${NODE_PREFIX[event.event]}_${Buffer.from(`e${event.id}`).toString("base64url")}`,
    url: `${api}/issues/events/${event.id}`,
    actor,
    event: event.event,
    commit_id: event.commitId ?? null,
    commit_url: event.commitId ? `${api}/commits/${event.commitId}` : null,
    created_at: event.createdAt,
    ...(event.label ? { label: event.label } : {}),
    ...(event.milestone ? { milestone: event.milestone } : {}),
    ...(event.rename ? { rename: event.rename } : {}),
    ...(event.assignee ? { assignee: presentUser(store.user(event.assignee), urls), assigner: actor } : {}),
    ...(event.event === "closed" || event.event === "reopened"
      ? { state_reason: event.stateReason ?? null }
      : {}),
    performed_via_github_app: performedVia(event.actor, context),
    ...(withIssue && issue ? { issue: presentIssue(repo, issue, store, urls, context) } : {}),
  } as Schemas["issue-event"];
}

type TimelineItem = Schemas["timeline-issue-events"];

/** An issue's timeline: its events and its comments (as `commented` events), oldest first. */
export function presentTimeline(repo: RepoRecord, number: number, context: EmulatorContext): TimelineItem[] {
  const { store, urls } = context;
  const events = (repo.events ?? [])
    .filter((event) => event.issueNumber === number)
    .map((event) => ({
      at: event.createdAt,
      id: event.id,
      item: presentIssueEvent(repo, event, context, false) as TimelineItem,
    }));
  const comments = repo.comments
    .filter((comment) => comment.issueNumber === number)
    .map((comment) => ({
      at: comment.createdAt,
      id: comment.id,
      item: {
        ...presentComment(repo, comment, store, urls, context),
        event: "commented",
        actor: presentUser(store.user(comment.author), urls),
      } as TimelineItem,
    }));
  return [...events, ...comments]
    .sort((left, right) => Date.parse(left.at) - Date.parse(right.at) || left.id - right.id)
    .map(({ item }) => item);
}
