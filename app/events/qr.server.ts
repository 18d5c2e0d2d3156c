import QRCode from "qrcode";

/** The origin QR codes point at: PUBLIC_ORIGIN when configured, else the origin the page was requested on. */
export function eventOrigin(request: Request) {
  const configured = process.env.PUBLIC_ORIGIN;
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}

/** An SVG QR code rendered on the server (no script needed to show, print or cache it). */
export async function qrSvg(text: string, title: string) {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  const escaped = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace("<svg ", `<svg role="img" aria-label="${escaped}" `);
}
