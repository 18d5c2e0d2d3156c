import { z } from "zod";
import { msg, optional, requiredText, text } from "./fields";

// A product picture's description (alt text): one schema for the upload, and for changing it later from the picture
// screen (browser through Conform, and the action).

/** A picture on the picture screen: "image-<id>" for a live one, "new-<uuid>" for an upload waiting in a revision. */
export const PICTURE_REF = /^(image-\d{1,12}|new-[0-9a-f-]{36})$/;

export const pictureAltSchema = z.object({ alt_zh: requiredText(300), alt_en: optional(text(300)) });

export const pictureAltEditSchema = pictureAltSchema.extend({
  intent: z.literal("alt"),
  ref: z.string().regex(PICTURE_REF, msg("validation.required")),
});

export type PictureAltEdit = z.infer<typeof pictureAltEditSchema>;
