/**
 * Screenshots of a README as github.com shows it, light and dark:
 *
 *   npx tsx scripts/screenshots.ts <DIR> [--out docs/screenshots] [--clip-height 1400]
 *
 * DIR holds a README.md and the pictures it links (the output of `syllabot demo`). The README is
 * rendered with renderHtmlPage into DIR/page-light.html and DIR/page-dark.html (next to the README, so
 * its relative picture links resolve), and each page is photographed whole by Debian's chromium
 * driven by playwright-core, into <out>/readme-light.png and <out>/readme-dark.png; with
 * --clip-height N, also the page's first N pixels into <out>/readme-light-top.png and readme-dark-top.png.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { renderHtmlPage } from "../src/render/html-page.js";

const CHROMIUM = "/usr/bin/chromium";
const EMOJI_FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** GitHub's 980px article plus room for the page around it. */
const VIEWPORT = { width: 1012, height: 800 };
const THEMES = ["light", "dark"] as const;

const USAGE = `Usage: npx tsx scripts/screenshots.ts <DIR> [--out <folder>] [--clip-height <px>]
       npm run screenshots -- <DIR> [--out <folder>] [--clip-height <px>]

Renders DIR/README.md the way github.com shows it and takes full-page screenshots, light and dark.

  DIR             a folder holding README.md and the pictures it links (e.g. the output of syllabot demo)
  --out <folder>  where to write readme-light.png and readme-dark.png (default: docs/screenshots)
  --clip-height <px>
                  also write the page's top <px> pixels as readme-light-top.png and readme-dark-top.png
  -h, --help      show this help

Writes DIR/page-light.html and DIR/page-dark.html (the pages photographed; open them in a browser too).
Needs Debian's chromium at ${CHROMIUM}; when it is missing, runs apt-get install -y chromium (as root),
along with fonts-noto-color-emoji (so emoji do not come out as boxes).
`;

class UsageError extends Error {}

function fail(message: string, code = 1): never {
  process.stderr.write(`screenshots: ${message}\n`);
  process.exit(code);
}

interface Options {
  dir: string;
  out: string;
  /** The height of the top crops, when asked for. */
  clipHeight?: number;
}

function parseCommandLine(): Options | undefined {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: "string" },
      "clip-height": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) return undefined;
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? "missing DIR" : "expected one DIR");
  }
  if (values.out === "") throw new UsageError("--out needs a folder");
  const clip = values["clip-height"];
  if (clip !== undefined && !/^[1-9]\d{0,5}$/.test(clip)) {
    throw new UsageError(`--clip-height "${clip}" is not a height in pixels (1 to 999999)`);
  }
  return {
    dir: resolve(positionals[0] as string),
    out: resolve(values.out ?? "docs/screenshots"),
    ...(clip === undefined ? {} : { clipHeight: Number(clip) }),
  };
}

function run(command: string, args: string[]): boolean {
  process.stdout.write(`$ ${command} ${args.join(" ")}\n`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  return result.status === 0;
}

/**
 * Debian's chromium, installed with apt-get when it is missing; also the colour emoji font, without
 * which emoji in the README come out as empty boxes (a warning only when it cannot be installed).
 */
function ensureChromium(): void {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
    ...(existsSync(EMOJI_FONT) ? [] : ["fonts-noto-color-emoji"]),
  ];
  if (missing.length === 0) return;
  const manual = `as root: apt-get update && apt-get install -y ${missing.join(" ")}`;
  const problem =
    process.platform !== "linux" || !existsSync("/usr/bin/apt-get")
      ? "apt-get is not available here"
      : process.getuid?.() !== 0
        ? "installing packages needs root"
        : undefined;
  if (problem !== undefined) {
    if (missing.includes("chromium")) {
      fail(
        `this script needs Debian's chromium at ${CHROMIUM}, and ${problem}. Install it yourself (${manual}).`,
      );
    }
    process.stderr.write(`screenshots: warning: no colour emoji font (${problem}); emoji will show as boxes.
`);
    return;
  }
  process.stdout.write(`Installing ${missing.join(" and ")} with apt-get.\n`);
  const lists = existsSync("/var/lib/apt/lists") ? readdirSync("/var/lib/apt/lists") : [];
  let updated = false;
  if (!lists.some((name) => name.includes("_Packages"))) {
    updated = true;
    if (!run("apt-get", ["update"])) fail(`apt-get update failed. Install chromium yourself (${manual}).`);
  }
  let installed = run("apt-get", ["install", "-y", ...missing]);
  if (!installed && !updated) {
    // The package lists may be stale (a version no longer on the mirror): refresh them and retry.
    if (run("apt-get", ["update"])) installed = run("apt-get", ["install", "-y", ...missing]);
  }
  if (!existsSync(CHROMIUM)) fail(`apt-get could not install chromium. Install it yourself (${manual}).`);
  if (!installed || !existsSync(EMOJI_FONT)) {
    process.stderr.write("screenshots: warning: no colour emoji font; emoji will show as boxes.\n");
  }
}

/** The README as two pages in DIR, one per theme. */
function writePages(dir: string): Array<{ theme: (typeof THEMES)[number]; page: string }> {
  const markdown = readFileSync(join(dir, "README.md"), "utf8");
  const title = `README.md · ${basename(dir)}`;
  return THEMES.map((theme) => {
    const page = join(dir, `page-${theme}.html`);
    writeFileSync(page, renderHtmlPage(markdown, { title, theme }));
    return { theme, page };
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  let options: Options | undefined;
  try {
    options = parseCommandLine();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`screenshots: ${message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === undefined) {
    process.stdout.write(USAGE);
    return;
  }
  const { dir, out, clipHeight } = options;
  if (!existsSync(dir)) fail(`no folder ${dir}`);
  if (!statSync(dir).isDirectory()) fail(`${dir} is not a folder`);
  if (!existsSync(join(dir, "README.md"))) fail(`no README.md in ${dir}`);

  ensureChromium();
  const pages = writePages(dir);
  for (const { page } of pages) process.stdout.write(`wrote ${show(page)}\n`);
  mkdirSync(out, { recursive: true });

  // A fresh profile each run, removed afterwards (playwright takes it as launchPersistentContext's folder).
  const profile = mkdtempSync(join(tmpdir(), "syllabot-screenshots-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
    });
    try {
      const tab = context.pages()[0] ?? (await context.newPage());
      for (const { theme, page } of pages) {
        await tab.emulateMedia({ colorScheme: theme });
        await tab.goto(pathToFileURL(page).href, { waitUntil: "load", timeout: 60_000 });
        await tab.evaluate("document.fonts.ready.then(() => true)");
        const png = join(out, `readme-${theme}.png`);
        await tab.screenshot({ path: png, fullPage: true });
        process.stdout.write(`wrote ${show(png)}\n`);
        if (clipHeight !== undefined) {
          const height = Math.min(
            clipHeight,
            Number(await tab.evaluate("document.documentElement.scrollHeight")),
          );
          const top = join(out, `readme-${theme}-top.png`);
          await tab.screenshot({
            path: top,
            fullPage: true,
            clip: { x: 0, y: 0, width: VIEWPORT.width, height },
          });
          process.stdout.write(`wrote ${show(top)}\n`);
        }
      }
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
}

/** A path relative to the working folder when it is inside it. */
function show(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith("..") || inside === "" ? path : inside;
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
