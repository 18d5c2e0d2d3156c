import { useRouteLoaderData } from "@remix-run/react";
import type { ImageVariant } from "../../db/schema";
import type { loader as rootLoader } from "../root";

/**
 * A responsive <picture>: AVIF first, then WebP, then the JPEG <img> every browser reads; a fixed aspect ratio (no
 * layout shift), lazy below the fold. Pictures stored before AVIF existed simply have no AVIF source. The files come
 * from the root loader's `pictureBase`: the bucket's public base URL when one is configured, else this site's /images
 * (`sameOrigin` keeps them there, for the presenter's offline copy).
 */
export function Picture({
  variants,
  alt,
  width,
  height,
  sizes = "(max-width: 40rem) 100vw, 640px",
  eager = false,
  sameOrigin = false,
}: {
  variants: ImageVariant[];
  alt: string;
  width: number;
  height: number;
  sizes?: string;
  eager?: boolean;
  sameOrigin?: boolean;
}) {
  const configured = useRouteLoaderData<typeof rootLoader>("root")?.pictureBase;
  const base = (!sameOrigin && configured) || "/images";
  const srcset = (format: ImageVariant["format"]) =>
    variants
      .filter((v) => v.format === format)
      .map((v) => `${base}/${v.key} ${v.width}w`)
      .join(", ");
  const fallback = variants.filter((v) => v.format === "jpeg").at(-1) ?? variants.at(-1);
  if (!fallback) return null;
  return (
    <picture>
      {variants.some((v) => v.format === "avif") && <source type="image/avif" srcSet={srcset("avif")} sizes={sizes} />}
      <source type="image/webp" srcSet={srcset("webp")} sizes={sizes} />
      <img
        src={`${base}/${fallback.key}`}
        srcSet={srcset("jpeg")}
        sizes={sizes}
        alt={alt}
        width={width}
        height={height}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        className="picture"
      />
    </picture>
  );
}
