/**
 * XML escaping for text and attribute values. All five predefined characters are escaped so one
 * helper is safe in both places: data (titles, logins) can never close an element or an attribute.
 */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * XML 1.0's `Char` production. Other code points (most C0 controls, lone surrogates, U+FFFE and
 * U+FFFF) make a document ill-formed even as character references, so they are dropped.
 */
function allowed(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

export function escapeXml(text: string): string {
  let out = "";
  for (const char of text) {
    if (allowed(char.codePointAt(0) ?? 0)) out += ENTITIES[char] ?? char;
  }
  return out;
}
