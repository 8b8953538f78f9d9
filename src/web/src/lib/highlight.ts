// Search highlights arrive HTML-escaped with matches in <em>…</em>; they are turned into text parts, never into HTML.

export interface HighlightPart {
  text: string;
  match: boolean;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#x2F;': '/' };

function unescape(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, (entity) => ENTITIES[entity] ?? entity);
}

export function highlightParts(fragment: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const pattern = /<em>(.*?)<\/em>/g;
  let last = 0;
  for (const m of fragment.matchAll(pattern)) {
    if (m.index! > last) parts.push({ text: unescape(fragment.slice(last, m.index)), match: false });
    parts.push({ text: unescape(m[1]), match: true });
    last = m.index! + m[0].length;
  }
  if (last < fragment.length) parts.push({ text: unescape(fragment.slice(last)), match: false });
  return parts;
}

/** The server's "input.title: причина" as the form field it names and the reason; null when it names none. */
export function fieldError(message: string | undefined): { field: string; reason: string } | null {
  const m = message?.match(/^input\.([A-Za-z]+)(?:\.[A-Za-z]+)?: (.+)$/s);
  return m ? { field: m[1], reason: m[2] } : null;
}
