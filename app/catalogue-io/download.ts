import { z } from "zod";
import { IMPORT_KINDS } from "./kind";

// What staff may download from /staff/export: the kinds and formats of `npm run export`. Shared by the screen (links)
// and the download route (validation).

export const EXPORT_FORMATS = ["csv", "json"] as const;

export const exportDownloadSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(EXPORT_FORMATS).default("csv"),
});

export function exportFileName(kind: string, format: string, today: string) {
  return `haidong-${kind}-${today}.${format}`;
}
