import { publicOrigin } from "../platform/public-origin.server";
import { qrSvg } from "../platform/qr.server";

// Booth QR codes (展位二维码) point at the public booth page by event and exhibitor id: the ids are no secret (the event
// page lists every exhibitor), and codes printed before the fair must keep working. See docs/decisions/013.

export function boothUrl(origin: string, eventId: number, exhibitorId: number) {
  return `${origin}/events/${eventId}/booth/${exhibitorId}`;
}

/** The booth's URL and its QR code as inline SVG, labelled `${label}${url}` for screen readers. */
export async function boothQr(context: { serverOrigin: string }, eventId: number, exhibitorId: number, label: string) {
  const url = boothUrl(publicOrigin(context), eventId, exhibitorId);
  return { url, svg: await qrSvg(url, `${label}${url}`) };
}
