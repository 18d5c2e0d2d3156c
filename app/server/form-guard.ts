// The shape every submitted field name and value must have before any form parser sees it.
//
// Why here and not per form: Conform turns `certifications[999999].kind` into a dense array of a million entries,
// Zod parses each entry before `.max()` applies, and `submission.reply()` echoes it all into the page — one request
// held a server for minutes. The HTTP layer (server/http.ts) runs this on every non-GET body and every query string,
// for every action and resource route, so no form can forget it. Our own forms stay far inside these bounds: the
// longest list is an inquiry's 20 products, the longest text 4,000 characters, the deepest name two levels.

export const FORM_LIMITS = {
  /** fields in one submission (query string or body) */
  maxFields: 300,
  /** characters in one field name */
  maxNameLength: 100,
  /** highest list index in a name such as `certifications[49].kind` */
  maxIndex: 49,
  /** path segments in a name (`a.b[0].c` has four) */
  maxDepth: 4,
  /** characters in one text value: far above any schema's own limit, so the form names the field and its real limit */
  maxValueLength: 64_000,
  /** bytes of a url-encoded body; multipart bodies are bounded by the upload limit */
  maxUrlencodedBytes: 512 * 1024,
} as const;

export type FieldProblem = { reason: "index" | "depth" | "name" | "length"; field: string; limit: number } | { reason: "count"; limit: number };

// A name is segments of letters, digits, `_` and `-`, joined by `.` or followed by `[index]`.
const SEGMENT = /^[A-Za-z0-9_-]+/;
const INDEX = /^\[(\d{1,9})\]/;
const DOTTED = /^\.([A-Za-z0-9_-]+)/;

/** Checks one field name; returns the problem or null. Runs in time linear in the (bounded) name. */
export function fieldNameProblem(name: string, options: { strictCharacters: boolean } = { strictCharacters: true }): FieldProblem | null {
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  if (name.length > FORM_LIMITS.maxNameLength) return { reason: "name", field: shown, limit: FORM_LIMITS.maxNameLength };
  // Query strings may carry names we never read (tracking parameters); only their list indices and depth matter there.
  if (!options.strictCharacters) {
    let depth = 1;
    for (const match of name.matchAll(/\[([^\]]*)\]|\./g)) {
      depth++;
      if (match[1] !== undefined && /^\d+$/.test(match[1]) && Number(match[1]) > FORM_LIMITS.maxIndex)
        return { reason: "index", field: shown, limit: FORM_LIMITS.maxIndex };
    }
    return depth > FORM_LIMITS.maxDepth ? { reason: "depth", field: shown, limit: FORM_LIMITS.maxDepth } : null;
  }
  const first = SEGMENT.exec(name);
  if (!first) return { reason: "name", field: shown, limit: FORM_LIMITS.maxNameLength };
  let rest = name.slice(first[0].length);
  let depth = 1;
  while (rest.length > 0) {
    const index = INDEX.exec(rest);
    const dotted = index ? null : DOTTED.exec(rest);
    const step = index ?? dotted;
    if (!step) return { reason: "name", field: shown, limit: FORM_LIMITS.maxNameLength };
    if (index && Number(index[1]) > FORM_LIMITS.maxIndex) return { reason: "index", field: shown, limit: FORM_LIMITS.maxIndex };
    if (++depth > FORM_LIMITS.maxDepth) return { reason: "depth", field: shown, limit: FORM_LIMITS.maxDepth };
    rest = rest.slice(step[0].length);
  }
  return null;
}

/** Checks a whole submission: its size in fields, each name, and each text value's length. */
export function formProblem(entries: Iterable<[string, unknown]>, options: { strictCharacters: boolean } = { strictCharacters: true }): FieldProblem | null {
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > FORM_LIMITS.maxFields) return { reason: "count", limit: FORM_LIMITS.maxFields };
    const problem = fieldNameProblem(name, options);
    if (problem) return problem;
    if (typeof value === "string" && value.length > FORM_LIMITS.maxValueLength) {
      return { reason: "length", field: name, limit: FORM_LIMITS.maxValueLength };
    }
  }
  return null;
}
