// The guidance body format (staff type it into a plain textarea): paragraphs separated by blank lines, lines that start
// with "- " as bullets, bare https:// URLs as links. Parsed into data and rendered by React, so whatever staff type is
// shown as text, never as HTML; http:// and other schemes stay text (a guidance link must not downgrade or run script).

export type Inline = { text: string } | { href: string };
export type Block = { kind: "p"; lines: Inline[][] } | { kind: "ul"; items: Inline[][] };

const URL_PATTERN = /https:\/\/[^\s,,。;;、)()<>"'「」]+/g;

/** Text with its https:// URLs as links; trailing full stops stay text. */
export function inlineParts(line: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const href = match[0].replace(/[.:]+$/, "");
    const start = match.index;
    if (start > last) parts.push({ text: line.slice(last, start) });
    parts.push({ href });
    last = start + href.length;
  }
  if (last < line.length) parts.push({ text: line.slice(last) });
  return parts;
}

export function parseGuidanceBody(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: "p", lines: paragraph.map(inlineParts) });
      if (items.length) blocks.push({ kind: "ul", items: items.map(inlineParts) });
      paragraph = [];
      items = [];
    };
    for (const line of lines) {
      if (line.startsWith("- ")) {
        if (paragraph.length) flush();
        items.push(line.slice(2).trim());
      } else {
        if (items.length) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** The summary shown beside a form: the body's first paragraph (or first bullet when it starts with a list). */
export function firstParagraph(body: string): Inline[][] {
  const first = parseGuidanceBody(body)[0];
  if (!first) return [];
  return first.kind === "p" ? first.lines : first.items.slice(0, 1);
}

/** Lines of parts as one plain string (a page description, a summary in a list). */
export function plainText(lines: Inline[][]): string {
  return lines.map((line) => line.map((p) => ("text" in p ? p.text : p.href)).join("")).join(" ");
}
