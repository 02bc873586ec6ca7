/**
 * The text as a sentence: a final period added unless it already ends one ("!", "?", "…", or a
 * period, possibly inside closing quotes or brackets). Curriculum texts come with and without one.
 */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed === "" || /[.!?…:][)\]"'”’»]*$/u.test(trimmed)) return trimmed;
  return `${trimmed}.`;
}
