import { pagingUrl } from "./renames.js";
import type { ApiRequest } from "./route.js";

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface PageRequest {
  page: number;
  perPage: number;
}

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

/** `page` and `per_page` as GitHub reads them: bad values fall back to the defaults, `per_page` caps at 100. */
export function pageRequest(query: URLSearchParams): PageRequest {
  return {
    page: positiveInteger(query.get("page")) ?? 1,
    perPage: Math.min(positiveInteger(query.get("per_page")) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE),
  };
}

/**
 * GitHub's `Link` header: the request URL with `page` replaced, in GitHub's order (prev, next,
 * last, first); none when everything fits on one page.
 */
export function linkHeader(url: URL, page: number, lastPage: number): string | undefined {
  if (lastPage <= 1 && page <= 1) return undefined;
  const at = (target: number) => {
    const link = new URL(url);
    link.searchParams.set("page", String(target));
    return link.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${at(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${at(1)}>; rel="first"`);
  return links.join(", ");
}

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** One page of `items`, and the `Link` header to the others. `available` caps how many can be paged to (search's 1,000). */
export function paginate<T>(request: ApiRequest, items: readonly T[], available = items.length): Page<T> {
  const { page, perPage } = pageRequest(request.query);
  const reachable = Math.min(items.length, available);
  const start = (page - 1) * perPage;
  const lastPage = Math.max(1, Math.ceil(reachable / perPage));
  const link = linkHeader(pagingUrl(request.context.store, request.url), page, lastPage);
  return {
    items: items.slice(start, Math.min(start + perPage, reachable)),
    headers: link ? { link } : {},
  };
}
