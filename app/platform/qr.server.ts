import QRCode from "qrcode";

/**
 * A QR code as inline SVG, rendered on the server (no script needed to show, print or cache it). `title` (default: the
 * text itself) becomes its accessible name, so a screen reader announces where the code leads.
 */
export async function qrSvg(text: string, title: string = text) {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const escaped = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace("<svg ", `<svg role="img" aria-label="${escaped}" `);
}
