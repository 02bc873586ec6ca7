import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forceColorScheme } from "../../src/render/color-scheme.js";
import { githubSlug } from "../../src/render/html-headings.js";
import { renderHtmlPage } from "../../src/render/html-page.js";

/** The rendered Markdown: what sits inside the article. */
function bodyOf(page: string): string {
  const start = page.indexOf('<article class="markdown-body">');
  const end = page.lastIndexOf("</article>");
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return page.slice(start + '<article class="markdown-body">'.length, end);
}

const render = (markdown: string, theme?: "auto" | "light" | "dark") =>
  bodyOf(renderHtmlPage(markdown, { title: "README", theme }));

const PICTURE = [
  "<picture>",
  '  <source media="(prefers-color-scheme: dark)" srcset="progress-dark.svg">',
  '  <source media="(prefers-color-scheme: light)" srcset="progress-light.svg">',
  '  <img src="progress-light.svg" alt="Progress" width="600">',
  "</picture>",
].join("\n");

describe("renderHtmlPage", () => {
  it("renders GFM tables, task lists, strikethrough and autolinks", () => {
    const body = render(
      [
        "| Week | Status |",
        "| :--- | -----: |",
        "| 1 | ~~late~~ done |",
        "",
        "- [x] Read https://example.com",
        "- [ ] Write",
      ].join("\n"),
    );
    expect(body).toContain('<th align="left">Week</th>');
    expect(body).toContain('<td align="right"><del>late</del> done</td>');
    expect(body).toContain('<ul class="contains-task-list">');
    expect(body).toContain(
      '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" checked=""> Read <a href="https://example.com">https://example.com</a></li>',
    );
    expect(body).toContain(
      '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled=""> Write</li>',
    );
  });

  it("gives headings GitHub's slug ids, numbering repeats", () => {
    const body = render(
      "# Progress & plans\n\n## Week 1: *intro*\n\n## Week 1: intro\n\n## Ünïcode `code`\n",
    );
    expect(body).toContain('<h1 id="progress--plans">Progress &amp; plans</h1>');
    expect(body).toContain('<h2 id="week-1-intro">Week 1: <em>intro</em></h2>');
    expect(body).toContain('<h2 id="week-1-intro-1">Week 1: intro</h2>');
    expect(body).toContain('<h2 id="ünïcode-code">');
    expect(githubSlug("Phase 2 — OSS (pull requests)")).toBe("phase-2--oss-pull-requests");
  });

  it("keeps <picture> with its light and dark sources and relative links", () => {
    const body = render(`# Progress\n\n${PICTURE}\n\n![bar](pictures/bar.svg)\n`);
    expect(body).toContain('<source media="(prefers-color-scheme: dark)" srcset="progress-dark.svg">');
    expect(body).toContain('<source media="(prefers-color-scheme: light)" srcset="progress-light.svg">');
    expect(body).toContain('<img src="progress-light.svg" alt="Progress" width="600">');
    expect(body).toContain('<img src="pictures/bar.svg" alt="bar">');
  });

  it("answers the sources' colour-scheme queries for a forced theme", () => {
    const dark = render(PICTURE, "dark");
    expect(dark).toContain('<source media="all" srcset="progress-dark.svg">');
    expect(dark).toContain('<source media="not all" srcset="progress-light.svg">');
    const light = render(PICTURE, "light");
    expect(light).toContain('<source media="not all" srcset="progress-dark.svg">');
    expect(light).toContain('<source media="all" srcset="progress-light.svg">');
  });

  it("rewrites media query lists and combined queries, leaving others alone", () => {
    expect(forceColorScheme("(prefers-color-scheme: dark) and (min-width: 600px)", "dark")).toBe(
      "(min-width: 600px)",
    );
    expect(forceColorScheme("(prefers-color-scheme: dark) and (min-width: 600px)", "light")).toBe("not all");
    expect(forceColorScheme("not (prefers-color-scheme: dark)", "dark")).toBe("not all");
    expect(forceColorScheme("print, (PREFERS-COLOR-SCHEME:DARK)", "dark")).toBe("print, all");
    expect(forceColorScheme("(min-width: 600px)", "dark")).toBe("(min-width: 600px)");
    expect(forceColorScheme("(prefers-color-scheme: dark) or (x)", "dark")).toBe(
      "(prefers-color-scheme: dark) or (x)",
    );
  });

  it("makes scripts, event handlers and javascript: URLs inert", () => {
    const body = render(
      [
        "<script>alert(1)</script>",
        "",
        "<img src=x onerror=alert(1)>",
        "",
        "[x](javascript:alert(1)) <a href=\"jav&#x09;ascript:alert(2)\" onclick='alert(3)'>y</a> <JavaScript:alert(4)>",
        "",
        '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
        "",
        '<img src="data:image/svg+xml,<svg onload=alert(5)>"> <picture><source srcset="ok.svg, javascript:alert(6) 2x"></picture>',
        "",
        'text <b onmouseover="alert(7)" style="color:red">bold</b> <svg><script>alert(8)</script></svg>',
      ].join("\n"),
    );
    expect(body).not.toMatch(/<script|<iframe|<style|<svg/i);
    expect(body).not.toMatch(/\son\w+=/i);
    expect(body).not.toMatch(/(href|src|srcset)="[^"]*(javascript|data):/i);
    expect(body).not.toContain("alert(1)");
    expect(body).not.toContain("style=");
    expect(body).toContain('<img src="x">');
    expect(body).toContain("<a>x</a>");
    expect(body).toContain("<a>y</a>");
    expect(body).toContain("<source>");
    expect(body).toContain("<b>bold</b>");
  });

  it("drops a script's content exactly, whatever text comes before it", () => {
    // "İ" lower-cases to two characters: nothing may be located in a lower-cased copy.
    expect(render("İİİİİİ <SCRIPT>x()</Script > visible <b>bold</b>\n")).toContain(
      "<p>İİİİİİ  visible <b>bold</b></p>",
    );
  });

  it("drops comments (syllabot's markers) and prefixes ids written in raw HTML", () => {
    const body = render(
      '<!-- syllabot:start -->\n<div id="top"><details open><summary>More</summary>hi</details></div>\n<!-- syllabot:end -->\n\n<a name="x"></a>\n',
    );
    expect(body).not.toContain("<!--");
    expect(body).toContain(
      '<div id="user-content-top"><details open=""><summary>More</summary>hi</details></div>',
    );
    expect(body).toContain('<a name="user-content-x"></a>');
  });

  it("escapes the title and embeds GitHub's markdown CSS for the theme", () => {
    const page = renderHtmlPage("# Hi\n", { title: 'Alice\'s <b>"plan"</b> & more' });
    expect(page).toMatch(/^<!doctype html>\n/);
    expect(page).toContain('<title>Alice\'s &lt;b&gt;"plan"&lt;/b&gt; &amp; more</title>');
    expect(page).toContain(".markdown-body");
    expect(page).toContain("max-width: 980px");
    expect(page).toContain("@media (prefers-color-scheme: dark)");
    const dark = renderHtmlPage("# Hi\n", { title: "t", theme: "dark" });
    expect(dark).toContain("color-scheme: dark");
    expect(dark).toContain("background-color: #0d1117");
    expect(dark).not.toContain("@media (prefers-color-scheme: dark)");
    const light = renderHtmlPage("# Hi\n", { title: "t", theme: "light" });
    expect(light).toContain("color-scheme: light");
    expect(light).toContain("background-color: #ffffff");
  });

  it("is deterministic", () => {
    const markdown = `# Progress\n\n${PICTURE}\n\n- [x] done\n`;
    for (const theme of ["auto", "light", "dark"] as const) {
      expect(renderHtmlPage(markdown, { title: "t", theme })).toBe(
        renderHtmlPage(markdown, { title: "t", theme }),
      );
    }
  });

  it("drops a relative URL whose colon comes before any path, which reads like a scheme", () => {
    // Found by the property below: "&lt;data:text/html,x" decodes to "<data:text/html,x".
    const page = renderHtmlPage('<img src=&lt;data:text/html,x> <img src="docs/a:b.svg">', { title: "t" });
    expect(page).not.toMatch(/src="[^"]*data:/i);
    // Also found by it: a path that spells an executable scheme after decoding.
    const path = renderHtmlPage("<pre><img src=/&#x6A;avascript:alert(1)>", { title: "t" });
    expect(path).not.toMatch(/src="[^"]*javascript:/i);
    expect(page).toContain('src="docs/a:b.svg"');
  });

  it("drops a srcset whose later candidate spells an executable scheme", () => {
    // The schema's protocol check reads only up to the first colon, here https's.
    const body = render(
      '<picture><source srcset="https://example.com/a.svg, javascript:alert(1) 2x"><source srcset="https://example.com/b.svg 2x"></picture>',
    );
    expect(body).not.toMatch(/javascript:/i);
    expect(body).toContain('<picture><source><source srcset="https://example.com/b.svg 2x"></picture>');
  });

  it("escapes markup characters inside attribute values, so the output reads back as written", () => {
    const body = render('<img src="a.svg" alt="1 < 2 &amp; 3 > &quot;0&quot;" title=\'<script>\'>');
    expect(body).toContain(
      '<img src="a.svg" alt="1 &lt; 2 &amp; 3 &gt; &quot;0&quot;" title="&lt;script&gt;">',
    );
  });

  it("gives raw HTML headings slugs too, keeping an id the HTML wrote under GitHub's prefix", () => {
    const body = render('<h2 id="plan">Plan</h2>\n\n<h3>Raw</h3>\n\n## Plan\n\n### Raw\n');
    expect(body).toContain('<h2 id="user-content-plan">Plan</h2>');
    expect(body).toContain('<h3 id="raw">Raw</h3>');
    expect(body).toContain('<h2 id="plan">Plan</h2>');
    expect(body).toContain('<h3 id="raw-1">Raw</h3>');
  });

  it("writes only disabled checkboxes, whatever inputs the raw HTML asks for", () => {
    const body = render('<p><input type="text" value="x"> <input type="checkbox" checked></p>\n');
    const inputs = body.match(/<input[^>]*>/g) ?? [];
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      expect(input).toContain('type="checkbox"');
      expect(input).toContain('disabled=""');
    }
  });

  it("only ever writes allowed tags with safe attributes, whatever the input", () => {
    const fragment = fc.constantFrom(
      "<script>",
      "</script>",
      "<img src=x onerror=alert(1)>",
      '<a href="javascript:alert(1)">',
      "<a href='java\tscript:x'>",
      "</a>",
      "<svg onload=alert(1)>",
      "<!--",
      "-->",
      "<style>",
      "<pre>",
      "</pre>",
      "<code>",
      '"',
      "'",
      "<",
      ">",
      "&lt;",
      "&#60;",
      "`",
      "\n\n",
      "\n",
      "    ",
      "[x](",
      ")",
      "<div ",
      "onclick=x ",
      "=",
      "/",
      "<img src=",
      "data:text/html,x",
      "&#x6A;avascript:alert(1)",
      "| a |\n| - |\n",
      "- [ ] ",
      "# ",
      "text",
    );
    const allowedTag = /^<\/?[a-z][a-z0-9]*((?: [a-z-]+(?:="[^"<>]*")?)*)>$/;
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 24 }), (parts) => {
        const body = render(parts.join(""));
        for (const token of body.match(/<[^>]*>?/g) ?? []) {
          const match = allowedTag.exec(token);
          expect(match, token).not.toBeNull();
          const attributes = match?.[1] ?? "";
          expect(attributes, token).not.toMatch(/ on[a-z]*=/);
          expect(attributes, token).not.toMatch(/ style=/);
          expect(attributes, token).not.toMatch(/(href|src|srcset)="[^"]*(javascript|data):/i);
          expect(token, token).not.toMatch(/^<\/?(script|style|svg|iframe)/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
