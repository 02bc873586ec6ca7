import { GITHUB_API_URL, webUrlFor } from "../github/web-url.js";

/** The options of a command that talks to GitHub or writes links. */
export interface ServerOptions {
  apiUrl?: string;
  serverUrl?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** An environment variable, unless unset or empty (as a runner leaves an unused one). */
const variable = (env: Env, name: string) => env[name] || undefined;

/** The REST API root: `--api-url`, else $GITHUB_API_URL, else api.github.com. */
export function apiUrlOption(options: ServerOptions, env: Env): string {
  return options.apiUrl ?? variable(env, "GITHUB_API_URL") ?? GITHUB_API_URL;
}

/**
 * The web address links point to: `--server-url`, else $GITHUB_SERVER_URL (set on every Actions
 * runner), else the web address of the API in use. The Action and the app follow the same rule, so
 * that runs of any of them on one repository write the same links.
 */
export function serverUrlOption(options: ServerOptions, env: Env): string {
  const told = options.serverUrl !== undefined;
  const given = options.apiUrl !== undefined;
  return webUrlFor(
    {
      apiUrl: apiUrlOption(options, env),
      serverUrl: options.serverUrl ?? variable(env, "GITHUB_SERVER_URL"),
    },
    {
      apiUrl: given ? "--api-url" : "GITHUB_API_URL",
      serverUrl: told ? "--server-url" : "GITHUB_SERVER_URL",
    },
  );
}
