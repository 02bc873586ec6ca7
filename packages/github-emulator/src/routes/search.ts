import { apiError, validationFailed } from "../errors.js";
import { sees } from "../installations.js";
import { pageRequest, paginate } from "../pagination.js";
import { labelsOf, presentSearchItem } from "../present/issues.js";
import { ok, type RouteDefinition } from "../route.js";
import { parseSearch, queryRefusal, type SearchSubject } from "../search-query.js";
import type { IssueRecord } from "../state.js";

/** GitHub serves only this many results of any search, however many match. */
export const SEARCH_RESULT_CAP = 1000;

function sortKey(sort: string | null): (subject: SearchSubject) => number {
  if (sort === "updated") return ({ issue }) => Date.parse(issue.updatedAt);
  if (sort === "comments") return ({ comments }) => comments.length;
  return ({ issue }) => Date.parse(issue.createdAt);
}

export const searchRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/search/issues",
    operationId: "search/issues-and-pull-requests",
    resource: "search",
    handle(request) {
      const { store, urls } = request.context;
      const q = request.query.get("q") ?? "";
      if (q.trim() === "") throw validationFailed([{ resource: "Search", field: "q", code: "missing" }]);
      const refusal = queryRefusal(q);
      if (refusal)
        throw validationFailed([{ message: refusal, resource: "Search", field: "q", code: "invalid" }]);
      const { page, perPage } = pageRequest(request.query);
      if ((page - 1) * perPage >= SEARCH_RESULT_CAP) {
        throw apiError(422, `Only the first ${SEARCH_RESULT_CAP} search results are available`);
      }
      const { matches } = parseSearch(q);
      // Results come only from repositories the token can see: for an installation token, its
      // installation's and the public ones.
      const visible = store.state.repos.filter((repo) => sees(request.installation, repo));
      const subjects: SearchSubject[] = visible.flatMap((repo) =>
        repo.issues.map((issue: IssueRecord) => ({
          repo,
          issue,
          labels: labelsOf(repo, issue),
          comments: repo.comments.filter((comment) => comment.issueNumber === issue.number),
        })),
      );
      const key = sortKey(request.query.get("sort"));
      const sign = request.query.get("order") === "asc" ? 1 : -1;
      let found = subjects
        .filter(matches)
        .sort((left, right) => sign * (key(left) - key(right)) || right.issue.id - left.issue.id);
      // A search that times out answers with what it found so far.
      if (request.fault === "incomplete-search") found = found.slice(0, Math.ceil(found.length / 2));
      const shown = paginate(request, found, SEARCH_RESULT_CAP);
      return ok(
        {
          total_count: found.length,
          incomplete_results: request.fault === "incomplete-search",
          items: shown.items.map(({ repo, issue }) =>
            presentSearchItem(repo, issue, store, urls, request.context),
          ),
          search_type: "lexical",
        },
        shown.headers,
      );
    },
  },
];
