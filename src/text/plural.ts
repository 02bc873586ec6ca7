const RULES = new Intl.PluralRules("en-US");

/**
 * "1 week", "0 weeks", "2 weeks": the count with its noun in the form English gives it. The plural
 * is the noun with an "s" unless given (`count(3, "day off", "days off")`).
 */
export function count(amount: number, singular: string, plural = `${singular}s`): string {
  return `${amount} ${noun(amount, singular, plural)}`;
}

/** The noun alone, in the form the amount takes. */
export function noun(amount: number, singular: string, plural = `${singular}s`): string {
  return RULES.select(amount) === "one" ? singular : plural;
}
