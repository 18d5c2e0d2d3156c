import { z } from "zod";
import { creditCodeProblem, normaliseCreditCode } from "./credit-code";
import { msg } from "./message";

// Field rules shared by forms (client and server), the import CLI and the API. Messages are i18n keys
// ("validation.*", optionally "key|{json vars}") translated where they are shown: see issueMessage().

export { msg, parseMessage } from "./message";

// C0/C1 control characters other than tab and newline; also lone surrogates are impossible in JS strings from UTF-8.
// Bidirectional overrides and isolates (U+202A–202E, U+2066–2069) too: they make "abc\u202egpj.exe" read as
// "abcexe.jpg" — a name that shows something other than what it is.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF\u202A-\u202E\u2066-\u2069]/;

/**
 * A number as people type it, in ASCII: full-width digits, point and comma (a Chinese input method) become ASCII, and
 * thousands separators are dropped where they group by three ("1,200", "1,200.50", "１，２００" → "1200", "1200.50").
 * Anything else comes back only trimmed and converted, so "1,2" or "12,00" stay wrong instead of becoming 12 or 1200.
 * The one home of these rules: plainNumber() and the money amounts (app/buyers/forms.ts) both read numbers through it.
 */
export function typedNumber(s: string): string {
  const ascii = s.trim().replace(/[\uFF10-\uFF19\uFF0E\uFF0C]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(ascii) ? ascii.replace(/,/g, "") : ascii;
}

/**
 * A number as people write it — digits, an optional sign and decimals, full-width digits and thousands separators
 * accepted (typedNumber) — checked by `inner`. Never what JavaScript's Number() also accepts: "0x10" (16), "1e3",
 * "Infinity", " " (0).
 */
export function plainNumber<T extends z.ZodType<number>>(inner: T) {
  return z.preprocess((v) => {
    if (typeof v !== "string") return v;
    const s = typedNumber(v);
    return /^[+-]?\d{1,16}(\.\d{1,6})?$/.test(s) ? Number(s) : v;
  }, inner);
}

/** A record id posted by a form: digits only, positive, within a safe integer. */
export function recordId(message = msg("validation.number")) {
  return plainNumber(z.number({ message }).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message));
}

export function text(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string({ message: msg("validation.required") })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .refine((s) => !CONTROL.test(s) && (options.multiline || !s.includes("\n")), { message: msg("validation.controlCharacters") })
    .refine((s) => [...s].length <= max, { message: msg("validation.tooLong", { max }) });
}

export function requiredText(max: number, options: { multiline?: boolean } = {}) {
  return text(max, options).refine((s) => s.length > 0, { message: msg("validation.required") });
}

/** Empty strings become null, so optional columns and form fields mean "not given". */
export function optional<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((v) => (v === "" || v === undefined ? null : v), schema.nullable());
}

export const httpUrl = z
  .string()
  .trim()
  .max(500, msg("validation.tooLong", { max: 500 }))
  // an address typed as on a business card (www.example.com, example.cn/shop) gets https:// rather than an error
  // (issue 21); anything else (javascript:, ftp:, //host) is left as typed and refused below
  .transform((s) => (/^[^\s/:?#.]+(\.[^\s/:?#.]+)+([/?#].*)?$/.test(s) ? `https://${s}` : s))
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
      } catch {
        return false;
      }
    },
    { message: msg("validation.httpUrl") },
  );

export const isoDate = z
  .string()
  .trim()
  .refine(
    (s) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "1900-01-01" && s <= "2100-12-31";
    },
    { message: msg("validation.date") },
  );

export const creditCode = z
  .string()
  .transform(normaliseCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: "custom", message: msg(`validation.creditCode.${problem}`) });
  });

export const niceClass = plainNumber(
  z
    .number({ message: msg("validation.niceClass") })
    .int(msg("validation.niceClass"))
    .min(1, msg("validation.niceClass"))
    .max(45, msg("validation.niceClass")),
);

/** "29;30" or "29，30" → [29, 30]; each must be 1–45, at least one. */
export const niceClassList = z.string().transform((s, ctx) => {
  const parts = s.split(/[;；,，\s]+/).filter(Boolean);
  if (parts.length === 0) ctx.addIssue({ code: "custom", message: msg("validation.required") });
  const classes = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
  if (classes.some((n) => !Number.isInteger(n) || n < 1 || n > 45)) {
    ctx.addIssue({ code: "custom", message: msg("validation.niceClass") });
    return z.NEVER;
  }
  return [...new Set(classes)].sort((a, b) => a - b);
});

/** Maps Chinese and English spellings to one code; anything else is rejected with the allowed values listed. */
export function aliasEnum<T extends string>(aliases: Record<string, T>) {
  const allowed = [...new Set(Object.keys(aliases))].join(" / ");
  return z
    .string()
    .trim()
    .transform((s, ctx) => {
      const hit = aliases[s] ?? aliases[s.toLowerCase()];
      if (!hit) {
        ctx.addIssue({ code: "custom", message: msg("validation.oneOf", { allowed }) });
        return z.NEVER;
      }
      return hit;
    });
}

export const markType = aliasEnum({
  普通商标: "ordinary",
  集体商标: "collective",
  证明商标: "certification",
  ordinary: "ordinary",
  collective: "collective",
  certification: "certification",
} as const);

export const legalStatus = aliasEnum({
  已注册: "registered",
  申请中: "applied",
  已失效: "expired",
  已撤销: "revoked",
  registered: "registered",
  applied: "applied",
  expired: "expired",
  revoked: "revoked",
} as const);

export const yesNo = aliasEnum({
  true: "true",
  false: "false",
  是: "true",
  否: "false",
  yes: "true",
  no: "false",
  "1": "true",
  "0": "false",
} as const).transform((v) => v === "true");
