// Meilisearch returns highlighted text unescaped. We ask it to mark matches with private-use characters that never
// appear in HTML, escape everything, and only then turn the markers into <mark>.
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface Segment {
  text: string;
  marked: boolean;
}

export function highlightSegments(formatted: string): Segment[] {
  const segments: Segment[] = [];
  let marked = false;
  let current = "";
  for (const ch of formatted) {
    if (ch === MARK_START || ch === MARK_END) {
      if (current) segments.push({ text: current, marked });
      current = "";
      marked = ch === MARK_START;
    } else current += ch;
  }
  if (current) segments.push({ text: current, marked });
  // Meilisearch marks each matched token: 青稞 and 饼 become one mark, not two touching ones
  return segments.reduce<Segment[]>((out, s) => {
    const last = out[out.length - 1];
    if (last && last.marked === s.marked) last.text += s.text;
    else out.push({ ...s });
    return out;
  }, []);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function highlightToHtml(formatted: string): string {
  return highlightSegments(formatted)
    .map((s) => (s.marked ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join("");
}
