/**
 * Where `marker` stands on a line of its own (LF or CRLF), searching from `from`; -1 when nowhere.
 * syllabot writes its region markers so, and a learner quoting one inline in a note (in backticks,
 * mid-sentence) has not moved the region.
 */
export function markerLine(text: string, marker: string, from = 0): number {
  for (let at = text.indexOf(marker, from); at !== -1; at = text.indexOf(marker, at + 1)) {
    if (at > 0 && text.charAt(at - 1) !== "\n") continue;
    const end = at + marker.length;
    const after = text.charAt(end);
    const lineEnds =
      after === "" || after === "\n" || (after === "\r" && ["", "\n"].includes(text.charAt(end + 1)));
    if (lineEnds) return at;
  }
  return -1;
}

/** The last `marker` on a line of its own that starts at or before `before`; -1 when none. */
export function lastMarkerLine(text: string, marker: string, before: number): number {
  let found = -1;
  for (let at = markerLine(text, marker); at !== -1 && at <= before; at = markerLine(text, marker, at + 1)) {
    found = at;
  }
  return found;
}
