// Messages carried as data: a key plus variables in one string ("key|{json}"), translated where they are shown.
// Kept free of zod so the i18n module, loaded on every page, does not pull the validator into the page's JavaScript.

export function msg(key: string, vars?: Record<string, string | number>): string {
  return vars ? `${key}|${JSON.stringify(vars)}` : key;
}

/** Splits a message produced by msg() back into its key and variables. */
export function parseMessage(message: string): { key: string; vars?: Record<string, string | number> } {
  const bar = message.indexOf("|");
  if (bar < 0) return { key: message };
  try {
    return { key: message.slice(0, bar), vars: JSON.parse(message.slice(bar + 1)) };
  } catch {
    return { key: message };
  }
}
