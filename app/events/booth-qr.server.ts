import { eventOrigin, qrSvg } from "./qr.server";

// Booth QR codes (展位二维码) point at the public booth page by event and exhibitor id: the ids are no secret (the event
// page lists every exhibitor), and codes printed before the fair must keep working. See docs/decisions/013.

export function boothUrl(request: Request, eventId: number, exhibitorId: number) {
  return `${eventOrigin(request)}/events/${eventId}/booth/${exhibitorId}`;
}

/** The booth's URL and its QR code as inline SVG, labelled `${label}${url}` for screen readers. */
export async function boothQr(request: Request, eventId: number, exhibitorId: number, label: string) {
  const url = boothUrl(request, eventId, exhibitorId);
  return { url, svg: await qrSvg(url, `${label}${url}`) };
}
