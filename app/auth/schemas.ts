import { z } from "zod";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-rules";
import { msg } from "../domain/fields";
import { consentField } from "../privacy/consent";

// Shared by the sign-in/sign-up forms (client validation through Conform) and their actions.

const account = z
  .string({ message: msg("validation.required") })
  .trim()
  .transform((s) => s.toLowerCase())
  .refine((s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) || /^1\d{10}$/.test(s), { message: msg("auth.accountInvalid") })
  .refine((s) => s.length <= 200, { message: msg("validation.tooLong", { max: 200 }) });

export const loginSchema = z.object({
  account,
  password: z.string({ message: msg("validation.required") }).max(200, msg("auth.passwordTooLong")),
  redirectTo: z.string().optional(),
});

export const newPasswordSchema = z
  .object({
    password: z
      .string({ message: msg("validation.required") })
      .min(MIN_PASSWORD_LENGTH, msg("auth.passwordTooShort"))
      .max(200, msg("auth.passwordTooLong")),
    passwordRepeat: z.string({ message: msg("validation.required") }),
  })
  .refine((v) => v.password === v.passwordRepeat, { message: msg("auth.passwordMismatch"), path: ["passwordRepeat"] })
  .refine((v) => passwordProblem(v.password) !== "tooCommon", { message: msg("auth.passwordTooCommon"), path: ["password"] });

/** Who signs themselves up (采购商 or 生产经营者); staff accounts are made by an administrator. */
export const SIGNUP_KINDS = ["buyer", "producer"] as const;

export const signupSchema = z
  .object({
    kind: z.enum(SIGNUP_KINDS, { message: msg("signup.kindRequired") }),
    account,
    displayName: z
      .string()
      .trim()
      .max(100, msg("validation.tooLong", { max: 100 }))
      .optional(),
    password: z
      .string({ message: msg("validation.required") })
      .min(MIN_PASSWORD_LENGTH, msg("auth.passwordTooShort"))
      .max(200, msg("auth.passwordTooLong")),
    passwordRepeat: z.string({ message: msg("validation.required") }),
    consent: consentField,
  })
  .refine((v) => v.password === v.passwordRepeat, { message: msg("auth.passwordMismatch"), path: ["passwordRepeat"] })
  .refine((v) => passwordProblem(v.password, v.account) !== "tooCommon", { message: msg("auth.passwordTooCommon"), path: ["password"] })
  // a buyer's name is what producers see on the inquiry: the one field of the buyer profile that is required
  .refine((v) => v.kind !== "buyer" || Boolean(v.displayName), { message: msg("signup.nameForBuyer"), path: ["displayName"] });
