import { data } from "@remix-run/react";
import { z } from "zod";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A record id from the URL; anything else is a 404 (not a 500 from a failed cast in SQL). */
export function recordIdOr404(raw: string | undefined): number {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success || !/^\d+$/.test(raw ?? "")) throw data({ error: "not found" }, { status: 404 });
  return parsed.data;
}

export function notFound(): never {
  throw data({ error: "not found" }, { status: 404 });
}
