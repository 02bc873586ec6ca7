import { ok, type RouteDefinition } from "../route.js";

/** `{ viewer { login } }`, in any spacing, optionally as a named query. */
const VIEWER_LOGIN = /^\s*(?:query(?:\s+[A-Za-z_]\w*)?\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/;

/**
 * GitHub's GraphQL API, as far as syllabot uses it: which account a token acts as. GitHub answers
 * a query it cannot run with 200 and an `errors` list; so does the emulator for any other query,
 * saying that it does not implement it.
 */
export const graphqlRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/graphql",
    operationId: "graphql",
    readOnly: true,
    handle(request) {
      const query = request.body.raw.query;
      if (typeof query !== "string" || !VIEWER_LOGIN.test(query)) {
        return ok({
          errors: [
            {
              type: "NOT_IMPLEMENTED",
              message: "The GitHub emulator serves only the GraphQL query { viewer { login } }",
            },
          ],
        });
      }
      return ok({ data: { viewer: { login: request.actor.login } } });
    },
  },
];
