import type { components } from "@octokit/openapi-types";
import { APP_EVENTS, APP_PERMISSIONS } from "../installations.js";
import type { EmulatorContext } from "../route.js";
import { presentUser } from "./users.js";

type Schemas = components["schemas"];

/** The app's OAuth client id, as GitHub shapes it ("Iv1." and 16 hex digits). */
export const clientIdOf = (app: EmulatorContext["app"]): string =>
  `Iv1.${app.id.toString(16).padStart(16, "0")}`;

/** The GitHub App the emulator plays, as `GET /app` and `performed_via_github_app` show it. */
export function presentApp({
  store,
  urls,
  app,
  login,
}: EmulatorContext): NonNullable<Schemas["integration"]> {
  const owner = store.user(login);
  return {
    id: app.id,
    slug: app.slug,
    node_id: `A_${Buffer.from(`app${app.id}`).toString("base64url")}`,
    client_id: clientIdOf(app),
    owner: presentUser(owner, urls),
    name: app.slug,
    description: null,
    external_url: `${urls.web}/apps/${app.slug}`,
    html_url: `${urls.web}/apps/${app.slug}`,
    // The app is as old as its owner's account: a fixed date, where the clock would move it.
    created_at: owner.createdAt,
    updated_at: owner.createdAt,
    permissions: APP_PERMISSIONS,
    events: [...APP_EVENTS],
  };
}

/**
 * `performed_via_github_app`: the app, when its bot (an installation token) did it; null for what
 * a person did. Without the context (a scene helper's caller), nothing is attributed to the app.
 */
export function performedVia(
  login: string,
  context: EmulatorContext | undefined,
): Schemas["nullable-integration"] {
  if (!context || login.toLowerCase() !== `${context.app.slug}[bot]`.toLowerCase()) return null;
  return presentApp(context);
}
