import type { RepoRecord } from "./state.js";

/** Where the API (this emulator) and the web pages it links to live. */
export class Urls {
  constructor(
    /** The API root, e.g. `http://127.0.0.1:4321`. */
    readonly api: string,
    /** The web root for `html_url`s (the emulator serves no pages there). */
    readonly web: string,
  ) {}

  repo(repo: RepoRecord): string {
    return `${this.api}/repos/${repo.owner}/${repo.name}`;
  }

  repoWeb(repo: RepoRecord): string {
    return `${this.web}/${repo.owner}/${repo.name}`;
  }

  user(login: string): string {
    return `${this.api}/users/${encodeURIComponent(login)}`;
  }

  userWeb(login: string): string {
    return `${this.web}/${encodeURIComponent(login)}`;
  }
}
