import QRCode from "qrcode";

/**
 * The origin a printed label may point at: PUBLIC_ORIGIN; outside production, for display only, the origin the page
 * was requested on (flagged so the page can warn). In production without PUBLIC_ORIGIN there is none.
 */
export function labelOrigin(request: Request): { origin: string; provisional: boolean } | null {
  const configured = process.env.PUBLIC_ORIGIN;
  if (configured) return { origin: new URL(configured).origin, provisional: false };
  if (process.env.NODE_ENV === "production") return null;
  return { origin: new URL(request.url).origin, provisional: true };
}

export function verifyUrl(origin: string, creditCode: string) {
  return `${origin}/verify?code=${encodeURIComponent(creditCode)}`;
}

/** An SVG QR code (rendered on the server; no script needed to show or print it). */
export async function qrSvg(text: string) {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
