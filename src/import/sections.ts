/**
 * The items of an open section (concepts, study material, checks, done-when, commands, notes, the
 * phase's projects, outcomes, how the week splits), and what a study item or a check reads as.
 */
import type { StudyDraft } from "./drafts.js";
import type { Line } from "./lines.js";
import { placeProjectItem } from "./projects.js";
import { info, type RecogniseState } from "./state.js";
import { capitalize, stripPeriod } from "./text.js";

/**
 * An item of the open section: whether it was placed; undefined when this section takes no such
 * item at all, so that the bar, the project or the text rules may.
 */
export function placeSectionItem(state: RecogniseState, line: Line): boolean | undefined {
  const { sub, project, phase } = state;
  const text = line.text;
  switch (sub) {
    case "concepts": {
      const target = project ?? phase;
      if (!target) return false;
      target.concepts.push(text);
      info(state, line.n, "concept");
      return true;
    }
    case "study": {
      const target = project ?? phase;
      if (!target) return false;
      target.study.push(studyOf(text));
      info(state, line.n, "study material");
      return true;
    }
    case "checks":
    case "done": {
      const target = sub === "done" ? project : (project ?? phase);
      if (!target) return false;
      target.checks.push(stripPeriod(text));
      info(state, line.n, sub === "done" ? "done-when check" : "check question");
      return true;
    }
    case "commands":
      if (!project) return undefined;
      project.commands.push(text.replace(/^`|`$/g, "").replace(/^\$\s+/, ""));
      return true;
    case "notes": {
      const target = project ?? phase;
      if (!target) return false;
      target.notes.push(text);
      return true;
    }
    case "projects":
      return phase ? placeProjectItem(state, line) : undefined;
    case "outcomes":
      state.out.outcomes.push(text);
      return true;
    default:
      return undefined;
  }
}

/** An item of "How to split the week": "Weekdays (~1 hr each): reading, exercises". */
export function placeTimeBlock(state: RecogniseState, line: Line): boolean {
  const block =
    /^(.+?)\s*\(\s*~?(\d+(?:\.\d+)?)(?:\s*(?:[-–—]|to)\s*(\d+(?:\.\d+)?))?\s*(?:hrs?|hours)\b[^)]*\)\s*:\s*(.+)$/i.exec(
      line.text,
    );
  if (!block?.[1] || !block[4]) return false;
  const min = Number(block[2]);
  const max = Number(block[3] ?? block[2]);
  state.out.split.push({
    label: block[1],
    hours: { min, max: Math.max(min, max) },
    work: block[4]
      .split(/,\s+(?![^()]*\))/)
      .map((part) => capitalize(stripPeriod(part)))
      .filter(Boolean),
    weekend: /weekend|saturday|sunday/i.test(block[1]),
  });
  info(state, line.n, `time block "${block[1]}"`);
  return true;
}

export function questionsOf(text: string): string[] {
  return text
    .split(/(?<=\?)\s+/)
    .map((question) => question.trim())
    .filter(Boolean);
}

export function studyOf(text: string): StudyDraft {
  const parenthetical = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  if (parenthetical?.[1] && parenthetical[2] && !/[—–]/.test(parenthetical[1]))
    return { title: parenthetical[1], detail: parenthetical[2] };
  const match = /^(.+?)\s+[—–]\s+(.+)$/.exec(text);
  if (match?.[1] && match[2]) return { title: match[1], detail: match[2] };
  const chapters = /^(.+?)\s*[—–-]?\s*(chapters?\s+[\d–-]+.*)$/i.exec(text);
  if (chapters?.[1] && chapters[2]) return { title: chapters[1], detail: capitalize(chapters[2]) };
  return { title: text };
}
