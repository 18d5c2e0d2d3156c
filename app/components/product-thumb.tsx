import type { ImageVariant } from "../../db/schema";
import { usePreferences, useT } from "../i18n/i18n";
import { Picture } from "./picture";

export interface ThumbImage {
  variants: ImageVariant[];
  width: number;
  height: number;
  alt_zh: string | null;
  alt_en: string | null;
}

/**
 * A product's first photo on the shortlist and in the comparison, with its alt text (the producer's, in the page's
 * language where given, else "<name>的照片"); nothing when the product has no photo yet.
 */
export function ProductThumb({ image, name }: { image: ThumbImage | null | undefined; name: string }) {
  const t = useT();
  const { lang } = usePreferences();
  if (!image) return null;
  const alt = (lang === "en" ? image.alt_en : image.alt_zh) || image.alt_zh || t("lines.photoOf", { name });
  return (
    <div className="product-thumb">
      <Picture variants={image.variants} alt={alt} width={image.width} height={image.height} sizes="160px" />
    </div>
  );
}
