/**
 * Tables: the header row tells what a table lists (phases, bars, open-source targets, resources,
 * study material, the time budget, the AI rules); each row after it is read by its columns.
 */
import type { Line } from "./lines.js";
import { emptyPhase, phaseByNumber } from "./phases.js";
import { info, type RecogniseState, type Table, unplaced } from "./state.js";
import { numberRange, spanOf } from "./text.js";

const REPO = /github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})/;
const PHASE_COLUMN = /^(?:phase|stage|part|module|unit)s?$|^#$/i;
const AI_ALLOWED_COLUMN = /^(?:allowed|do|ok|fine)$/i;
const AI_FORBIDDEN_COLUMN = /^(?:not allowed|don(?:'|’)t|avoid|forbidden)$/i;

/** Reads one row given the state and the index of the header's first cell that matches a pattern. */
type RowReader = (state: RecogniseState, line: Line, column: (pattern: RegExp) => number) => boolean;

/** A row: the header of a new table (a row after a non-row), or a row of the table being read. */
export function recogniseRow(state: RecogniseState, line: Line): void {
  const previous = state.lines[state.index - 1];
  if (previous?.kind !== "row" || (state.table === null && state.header.length === 0)) {
    state.header = line.cells;
    state.table = tableKind(state, line.cells);
    // A table with unknown columns under a "Minimum bars", "Targets" or "Resources" label is that.
    if (state.table === null && state.sub === "bars") state.table = "bars";
    if (state.table === null && state.sub === "targets") state.table = "targets";
    if (state.table === null && state.sub === "resources") state.table = "resources";
    if (state.table === "targets" && !state.track) state.table = null;
    if (state.table === null) unplaced(state, line);
    return;
  }
  const header = state.header;
  const read = state.table === null ? undefined : ROW_READERS[state.table];
  const column = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));
  if (!read?.(state, line, column)) unplaced(state, line);
}

/** A table's header row: what the table is, by its column names. */
function tableKind(state: RecogniseState, cells: string[]): Table {
  const has = (pattern: RegExp) => cells.some((cell) => pattern.test(cell));
  if (has(PHASE_COLUMN) && has(/weeks?/i)) return "phases";
  if (has(/^phase$/i) && has(/goal|bar|minimum|requirement/i)) return "bars";
  if (state.track && has(/^(?:project|repo|repository)$/i) && has(/why|reason|notes?/i)) return "targets";
  if (has(/^(?:resource|name|title)$/i) && has(/^type$/i)) return "resources";
  if (has(/^(?:resource|book|material|title)$/i) && has(/chapters?|when|sections?/i)) return "study";
  if (has(/^(?:day|days|when)$/i) && has(/hours?|time/i)) return "budget";
  if (has(AI_ALLOWED_COLUMN) && has(AI_FORBIDDEN_COLUMN)) return "ai";
  return null;
}

const readPhaseRow: RowReader = (state, line, column) => {
  const cells = line.cells;
  const number = Number(/\d+/.exec(cells[column(PHASE_COLUMN)] ?? "")?.[0]);
  const weeks = spanOf(
    /(\d{1,4})(?:\s*(?:[-–—‒]|to|through)\s*(\d{1,4}))?/i.exec(cells[column(/weeks?/i)] ?? ""),
  );
  if (!Number.isInteger(number) || number < 1) return false;
  const titleColumn = column(/focus|title|theme|topic|name|subject/i);
  const projectsColumn = column(/projects?|deliverables?/i);
  const existing = phaseByNumber(state, number);
  const target = existing ?? emptyPhase(number, line.n);
  if (!existing) state.out.phases.push(target);
  if (weeks) target.weeks = weeks;
  const title = titleColumn >= 0 ? cells[titleColumn] : undefined;
  if (title) target.title = title;
  if (projectsColumn >= 0)
    target.projectNames = (cells[projectsColumn] ?? "")
      .split(/\s+(?:\+|or|OR|and|&)\s+|,\s*|;\s*/)
      .map((name) => name.replace(/`/g, "").trim())
      .filter((name) => name !== "" && name !== "—" && name !== "-");
  info(
    state,
    line.n,
    `phase ${number}${title ? ` "${title}"` : ""}${weeks ? `, weeks ${weeks.from}–${weeks.to}` : ""} (table row)`,
  );
  return true;
};

const readBarRow: RowReader = (state, line, column) => {
  const { track } = state;
  if (!track) return false;
  const number = Number(/\d+/.exec(line.cells[column(/^phase$/i)] ?? "")?.[0]);
  const goal = line.cells[column(/goal|bar|minimum|requirement/i)];
  if (!Number.isInteger(number) || !goal) return false;
  const existing = track.bars.find((candidate) => candidate.phase === number);
  const target = existing ?? { line: line.n, phase: number, guidance: [] };
  if (!existing) track.bars.push(target);
  target.minimum = goal;
  info(state, line.n, `minimum bar of phase ${number}: ${goal}`);
  return true;
};

const readTargetRow: RowReader = (state, line) => {
  const { track } = state;
  const repo = REPO.exec(line.text);
  if (!track || !repo) return false;
  const name =
    (line.cells[0] ?? "")
      .replace(/\s*\(.*$/, "")
      .replace(/`/g, "")
      .trim() || `${repo[1]}/${repo[2]}`;
  track.targets.push({
    repo: `${repo[1]}/${repo[2]?.replace(/[.)]+$/, "")}`,
    name,
    why: line.cells[1] ?? "",
  });
  info(state, line.n, `open-source target ${repo[1]}/${repo[2]}`);
  return true;
};

const readResourceRow: RowReader = (state, line, column) => {
  const cells = line.cells;
  const [name, type, when] = [cells[0], cells[column(/^type$/i)], cells[column(/^when$/i)]];
  if (!name) return false;
  state.out.resources.push({ name, type: type ?? "", when: when ?? "" });
  info(state, line.n, `resource "${name}"`);
  return true;
};

const readStudyRow: RowReader = (state, line, column) => {
  const { phase } = state;
  const title = line.cells[0] ?? "";
  if (!phase || !title) return false;
  const chapters = line.cells[column(/chapters?|sections?/i)];
  const when = line.cells[column(/when/i)];
  phase.study.push({
    title,
    ...(chapters && !/^[—–-]$/.test(chapters) ? { chapters } : {}),
    ...(when ? { when } : {}),
  });
  info(state, line.n, `study material of phase ${phase.number}: ${title}`);
  return true;
};

const readAiRow: RowReader = (state, line, column) => {
  const allowed = line.cells[column(AI_ALLOWED_COLUMN)];
  const forbidden = line.cells[column(AI_FORBIDDEN_COLUMN)];
  if (allowed) state.out.ai.allowed.push(allowed);
  if (forbidden) state.out.ai.notAllowed.push(forbidden);
  info(state, line.n, "AI rules row");
  return true;
};

const readBudgetRow: RowReader = (state, line, column) => {
  const { out } = state;
  const cells = line.cells;
  const days = cells[0] ?? "";
  const hours = cells[column(/hours?|time/i)] ?? "";
  const notes = cells[column(/notes?/i)];
  if (days && hours) out.schedule.push({ days, hours, ...(notes ? { notes } : {}) });
  if (/week/i.test(days) && !out.weeklyHours) {
    const range = numberRange(hours);
    if (range) {
      out.weeklyHours = { ...range, line: line.n };
      info(state, line.n, `weekly hours ${range.min}–${range.max}`);
    }
  }
  return true;
};

const ROW_READERS: Record<Exclude<Table, null>, RowReader> = {
  phases: readPhaseRow,
  bars: readBarRow,
  targets: readTargetRow,
  resources: readResourceRow,
  study: readStudyRow,
  ai: readAiRow,
  budget: readBudgetRow,
};
