import { linkRelations } from "./compare.js";
import { ORG, type ScenarioPlan, type Send } from "./replay.js";

const base64 = (text: string) => Buffer.from(text).toString("base64");

/** The temporary repository every scenario's `record.js` creates first (`lib/temporary-repository.js`). */
async function temporaryRepository(send: Send, name: string): Promise<number> {
  const answer = await send("post", `/orgs/${ORG}/repos`, { name });
  if (answer.status !== 201) throw new Error(`setup: creating ${name} answered ${answer.status}`);
  return (answer.body as { id: number }).id;
}

/** The recordings normalized the first repository's id to 1000: its /repositories/{id} address. */
const RECORDED_REPOSITORY = "/repositories/1000";

async function commitFile(send: Send, repo: string, path: string, message: string, content: string) {
  const answer = await send("put", `/repos/${ORG}/${repo}/contents/${path}`, {
    message,
    content: base64(content),
  });
  if (answer.status !== 201) throw new Error(`setup: creating ${path} answered ${answer.status}`);
  return (answer.body as { commit: { sha: string } }).commit.sha;
}

async function createIssue(send: Send, repo: string, issue: { title: string; body?: string }) {
  const answer = await send("post", `/repos/${ORG}/${repo}/issues`, issue);
  if (answer.status !== 201) throw new Error(`setup: creating "${issue.title}" answered ${answer.status}`);
}

const placeholder = (n: number) => String(n).padStart(40, "0");

/** A repository only for the scenario's requests, created as the recording created it. */
const inTemporaryRepository = (name: string): ScenarioPlan => ({
  name,
  async setup(send) {
    const id = await temporaryRepository(send, name);
    return { [RECORDED_REPOSITORY]: `/repositories/${id}` };
  },
});

/** octokit-fixture-org/hello-world, a repository kept on github.com: one commit, a README. */
const helloWorld = (name: string): ScenarioPlan => ({
  name,
  async setup(_send, emulator) {
    emulator.addUser(ORG, { type: "Organization" });
    emulator.createRepo(`${ORG}/hello-world`, { defaultBranch: "master" });
    emulator.addCommit(`${ORG}/hello-world`, { message: "README", files: { "README.md": "# hello-world" } });
    return {};
  },
});

/** The scenarios replayed, each with the state its recording assumed. */
export const REPLAYED: readonly ScenarioPlan[] = [
  inTemporaryRepository("add-labels-to-issue"),
  inTemporaryRepository("create-file"),
  inTemporaryRepository("errors"),
  helloWorld("get-content"),
  helloWorld("get-repository"),
  { name: "get-root", setup: async () => ({}) },
  {
    name: "git-refs",
    async setup(send) {
      await temporaryRepository(send, "git-refs");
      const first = await commitFile(
        send,
        "git-refs",
        "1.md",
        "initial commit",
        "# git-refs\ncreated with initial commit",
      );
      const second = await commitFile(
        send,
        "git-refs",
        "2.md",
        "2nd commit",
        "# git-refs\ncreated with 2nd commit",
      );
      // Numbered in order of appearance: the first answer lists main, at the second commit.
      return { [placeholder(1)]: second, [placeholder(2)]: first };
    },
  },
  inTemporaryRepository("labels"),
  {
    name: "paginate-issues",
    async setup(send) {
      await temporaryRepository(send, "paginate-issues");
      for (let n = 1; n <= 13; n++) await createIssue(send, "paginate-issues", { title: `Test issue ${n}` });
      return {};
    },
    // The recording's client followed each answer's `Link: next` (record.js), wherever it pointed.
    follow: (index, previous) =>
      index === 0 ? undefined : linkRelations(previous?.headers.link).get("next"),
  },
  inTemporaryRepository("rename-repository"),
  {
    name: "search-issues",
    async setup(send, emulator) {
      await temporaryRepository(send, "search-issues");
      await createIssue(send, "search-issues", {
        title: "The doors don’t open",
        body: 'I tried "open sesame" as seen on Wikipedia but no luck!',
      });
      // The recording shows the second issue opened by the fixtures' other account (user b).
      emulator.addIssue(`${ORG}/search-issues`, {
        title: "Sesame seeds split without a pop!",
        body: "I’ve waited all year long, but there was no pop 😭",
        author: "octokit-fixture-user-b",
      });
      return {};
    },
  },
];

/** The recorded scenarios not replayed: what they exercise is outside the emulator's scope. */
export const SKIPPED: Readonly<Record<string, string>> = {
  "add-and-remove-repository-collaborator": "collaborators and invitations are not served",
  "branch-protection": "branch protection is not served",
  "create-status":
    "commit statuses are not served (syllabot reports through check runs); without creating them, the combined status cannot reach the recorded state",
  "get-archive": "archives (tarball redirects to codeload) are not served",
  "get-organization": "organizations are not served beyond creating repositories in them",
  "lock-issue": "locking issues is not served",
  "mark-notifications-as-read": "notifications are not served",
  markdown: "rendering markdown is not served",
  "project-cards": "projects (classic) are not served, and GitHub has retired them",
  "release-assets": "releases are not served",
  "release-assets-conflict": "releases are not served",
};
