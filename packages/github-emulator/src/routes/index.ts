import Router from "find-my-way";
import type { RouteDefinition } from "../route.js";
import { appRoutes, type TokenMinter } from "./apps.js";
import { checkRoutes } from "./checks.js";
import { commentRoutes } from "./comments.js";
import { commitRoutes } from "./commits.js";
import { contentRoutes } from "./contents.js";
import { eventRoutes } from "./events.js";
import { gitRoutes } from "./git.js";
import { graphqlRoutes } from "./graphql.js";
import { issueLabelRoutes } from "./issue-labels.js";
import { issueRoutes } from "./issues.js";
import { labelRoutes } from "./labels.js";
import { milestoneRoutes } from "./milestones.js";
import { pullRoutes } from "./pulls.js";
import { repoRoutes } from "./repos.js";
import { searchRoutes } from "./search.js";
import { statusRoutes } from "./statuses.js";
import { subIssueRoutes } from "./sub-issues.js";

export function allRoutes(mintToken: TokenMinter): RouteDefinition[] {
  return [
    ...repoRoutes,
    ...milestoneRoutes,
    ...labelRoutes,
    ...issueRoutes,
    ...issueLabelRoutes,
    ...subIssueRoutes,
    ...eventRoutes,
    ...statusRoutes,
    ...commentRoutes,
    ...commitRoutes,
    ...pullRoutes,
    ...searchRoutes,
    ...contentRoutes,
    ...gitRoutes,
    ...checkRoutes,
    ...appRoutes(mintToken),
    ...graphqlRoutes,
  ];
}

export type RouteTable = (
  method: string,
  path: string,
) => { route: RouteDefinition; params: Record<string, string> } | undefined;

/** A find-my-way router over the definitions; it carries each definition as the route's store. */
export function routeTable(routes: readonly RouteDefinition[]): RouteTable {
  // Label names and file paths can be long; GitHub's limits are far above find-my-way's default of 100.
  const router = Router({ maxParamLength: 4096 });
  const unused = () => undefined;
  for (const route of routes) router.on(route.method, route.path, unused, route);
  return (method, path) => {
    const found = router.find(method as Router.HTTPMethod, path);
    if (!found) return undefined;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(found.params)) if (value !== undefined) params[name] = value;
    return { route: found.store as RouteDefinition, params };
  };
}
