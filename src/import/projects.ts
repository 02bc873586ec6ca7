/**
 * Projects: their headings ("Project: name — tagline"), the options of a choice ("Option A: …"),
 * the items of a phase's "Projects:" list, and the text under a project (summary, command examples).
 */
import type { ProjectDraft } from "./drafts.js";
import type { Line } from "./lines.js";
import { CHOICE } from "./phases.js";
import { headingLike, OPTION_HEADING, PROJECT_HEADING, SPECIFICATION_POINTER } from "./shapes.js";
import { closeSections, info, type RecogniseState, warn } from "./state.js";
import { capitalize, escapeRegExp, slugify, stripPeriod, withoutTrailingParenthetical } from "./text.js";

/** The project of that name (in any case) if one was met already, else a new one in the current phase. */
export function newProject(
  state: RecogniseState,
  line: Line,
  name: string,
  tagline: string | undefined,
): ProjectDraft {
  const existing = state.out.projects.find(
    (candidate) => candidate.name.toLowerCase() === name.toLowerCase(),
  );
  if (existing) {
    if (tagline && !existing.tagline) existing.tagline = tagline;
    return existing;
  }
  const created: ProjectDraft = {
    line: line.n,
    name,
    title: name,
    ...(tagline ? { tagline } : {}),
    ...(state.phase ? { phase: state.phase.number } : {}),
    commands: [],
    checks: [],
    concepts: [],
    study: [],
    notes: [],
  };
  state.out.projects.push(created);
  return created;
}

/** A choice's option: "Option A: name — what it is", a project in the phase's choice group. */
export function recogniseOption(state: RecogniseState, line: Line): boolean {
  const option = !state.track ? OPTION_HEADING.exec(line.text) : null;
  // A lost bullet does not stop an option line from being its heading.
  if (!option || !headingLike({ ...line, kind: line.kind === "item" ? "text" : line.kind })) return false;
  const { week } = state;
  closeSections(state);
  const { name, tagline } = splitNameTagline(option[2] ?? "");
  // Options listed under a week entry that offers the choice ("Weeks 7–8: Capstone — choose one
  // of") are that entry's: its weeks, and the group named by the text before the choice.
  if (!state.choiceGroup) {
    const offering = week && CHOICE.test(week.body.join(" ")) ? week : undefined;
    const named = offering ? choiceName(offering.body.join(" ")) : undefined;
    state.choiceGroup = slugify(named ?? state.phase?.title ?? "choice");
    state.choiceOffer = offering ? { weeks: offering.weeks, named: named !== undefined } : undefined;
    warn(
      state,
      line.n,
      `choice group "${state.choiceGroup}" named after ${named ? "the week that offers it" : "its phase"} (guessed)`,
    );
  }
  const group = state.choiceGroup;
  const project = newProject(state, line, name, tagline);
  state.project = project;
  project.choice = group;
  project.choiceFrom = state.choiceOffer?.named ? "week" : "phase";
  if (state.choiceOffer) project.offeredIn = state.choiceOffer.weeks;
  project.label = `Option ${option[1]}`;
  info(state, line.n, `option "${name}" of choice group "${group}"`);
  return true;
}

/** A project heading: "Project: name — tagline". */
export function recogniseProjectHeading(state: RecogniseState, line: Line): boolean {
  const projectHeading = line.kind !== "item" && !state.track ? PROJECT_HEADING.exec(line.text) : null;
  if (!projectHeading || !headingLike(line) || /^projects\b/i.test(line.text)) return false;
  closeSections(state);
  const { name, tagline } = splitNameTagline(projectHeading[1] ?? "");
  state.project = newProject(state, line, name, tagline);
  info(state, line.n, `project "${name}"`);
  return true;
}

/** What a choice is called by the text before its choice phrase: "Capstone — choose one of" → "Capstone". */
function choiceName(text: string): string | undefined {
  const match = CHOICE.exec(text);
  const before = (match ? text.slice(0, match.index) : "").replace(/[\s:;,—–-]+$/, "").trim();
  return /[A-Za-z0-9]/.test(before) ? before : undefined;
}

/** An item of a "Projects:" list: "name — tagline", or an item opening with a name the phase table lists. */
export function placeProjectItem(state: RecogniseState, line: Line): boolean {
  const owner = state.phase;
  if (!owner) return false;
  const text = line.text;
  const cuts = projectCuts(text, state.knownNames, owner.projectNames);
  if (cuts.length === 0) return false;
  const before = text.slice(0, cuts[0]?.at ?? 0).trim();
  if (before) warn(state, line.n, `not placed (before project "${cuts[0]?.name}"): ${before.slice(0, 70)}`);
  cuts.forEach((cut, index) => {
    const segment = text.slice(cut.at, cuts[index + 1]?.at ?? text.length).trim();
    const found = matchWords(segment, nameWords(cut.name)) ?? { start: 0, end: cut.name.length };
    const titled = segment.slice(found.start, found.end).replace(/`/g, "").trim();
    const rest = segment.slice(found.end).replace(/^`/, "").trim();
    const dashed = /^[—–:-]/.test(rest);
    const taglineText = rest.replace(/^[—–:-]\s*/, "").trim();
    const project = newProject(state, line, cut.name, undefined);
    project.phase ??= owner.number;
    project.title = titled && titled.length <= 60 ? titled : cut.name;
    if (taglineText) {
      project.tagline ??= capitalize(withoutTrailingParenthetical(stripPeriod(taglineText)));
      project.summary ??= `${capitalize(dashed ? stripPeriod(taglineText) : `${titled} ${stripPeriod(taglineText)}`)}.`;
    }
    info(state, line.n, `project "${cut.name}"${project.tagline ? ` — ${project.tagline}` : ""}`);
  });
  return true;
}

/**
 * Where each project of an item starts. Several "name — what it is" can share an item a flattening
 * glued, so known code names cut it first; else a name from the phase table; else "name — …".
 */
function projectCuts(
  text: string,
  knownNames: ReadonlySet<string>,
  tableNames: readonly string[],
): { at: number; name: string }[] {
  const cuts: { at: number; name: string }[] = [];
  for (const name of knownNames) {
    const pattern = new RegExp(`\`?${escapeRegExp(name)}\`?\\s*[—–]\\s*`, "g");
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const at = match.index;
      if (!cuts.some((cut) => Math.abs(cut.at - at) < name.length)) cuts.push({ at, name });
    }
  }
  cuts.sort((a, b) => a.at - b.at);
  if (cuts.length > 0) return cuts;
  for (const name of tableNames) {
    const found = matchWords(text, nameWords(name));
    if (found) return [{ at: found.start, name }];
  }
  const split = /^`?([^`—–]{1,40}?)`?(?:\s*[—–]\s*|\s+-\s+)(.+)$/.exec(text);
  if (!split?.[1] || !split[2]) return [];
  return [{ at: 0, name: split[1].trim() }];
}

/** The first text line under a project, before any section, is its summary. */
export function placeProjectSummary(state: RecogniseState, line: Line): boolean {
  const { project } = state;
  if (!project || project.summary || state.sub !== null || /^(?:full|see)\b/i.test(line.text)) return false;
  project.summary = line.text;
  info(state, line.n, `summary of project "${project.name}"`);
  return true;
}

/** A line that starts with the project's name and is no sentence: an example of its command. */
export function placeCommandExample(state: RecogniseState, line: Line): boolean {
  const { project } = state;
  if (!project || !startsWithName(line.text, project.name) || /[.!?]$/.test(line.text)) return false;
  project.commands.push(line.text);
  info(state, line.n, `command example of "${project.name}"`);
  return true;
}

/** "See the full specification …" under a project: a note pointing elsewhere. */
export function placeProjectSpecificationPointer(state: RecogniseState, line: Line): boolean {
  if (!state.project || !SPECIFICATION_POINTER.test(line.text)) return false;
  state.project.notes.push(line.text);
  return true;
}

/** "Done when: …", "✓ …", "[ ] …" under a project, outside any section: a check of it. */
export function placeDoneWhenItem(state: RecogniseState, line: Line): boolean {
  if (!state.project || !/^(?:done when|✓|\[ ?\])/i.test(line.text)) return false;
  state.project.checks.push(line.text.replace(/^(?:done when:?|✓|\[ ?\])\s*/i, ""));
  return true;
}

function splitNameTagline(text: string): { name: string; tagline?: string } {
  const match =
    /^(.+?)\s*[—–]\s*(.+)$/.exec(text) ?? /^(.+?)\s+-\s+(.+)$/.exec(text) ?? /^(.+?):\s+(.+)$/.exec(text);
  const name = (match?.[1] ?? text).replace(/`/g, "").trim();
  const tagline = match?.[2]?.trim();
  return tagline ? { name, tagline } : { name };
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function startsWithName(text: string, name: string): boolean {
  return text.toLowerCase().startsWith(`${name.toLowerCase()} `);
}

/** Where the words of a name occur in order, near the start of a text (within a few extra words). */
function matchWords(text: string, words: readonly string[]): { start: number; end: number } | null {
  if (words.length === 0) return null;
  const token = /[A-Za-z0-9]+/g;
  const found: { word: string; start: number; end: number }[] = [];
  for (let match = token.exec(text); match; match = token.exec(text)) {
    found.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
    if (found.length > 40) break;
  }
  for (let first = 0; first < found.length; first++) {
    if (found[first]?.word !== words[0]) continue;
    let at = first;
    let matched = 1;
    for (
      let next = first + 1;
      next < found.length && matched < words.length && next - first <= words.length + 3;
      next++
    ) {
      if (found[next]?.word === words[matched]) {
        matched++;
        at = next;
      }
    }
    if (matched === words.length) {
      const start = found[first]?.start ?? 0;
      // A name right before a dash or at the start: the item is about it.
      const end = found[at]?.end ?? 0;
      const after = text.slice(end).trimStart();
      if (start === 0 || /^`?\s*[—–]/.test(after) || text.slice(0, start).trim().endsWith("`"))
        return { start: text[start - 1] === "`" ? start - 1 : start, end: text[end] === "`" ? end + 1 : end };
    }
  }
  return null;
}
