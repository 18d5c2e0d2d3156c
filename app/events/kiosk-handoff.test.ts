import { describe, expect, it } from "vitest";
import { handoffLanding, handoffNotice } from "./kiosk.server";

describe("a kiosk hand-off lands in the visitor's shortlist with a notice of what arrived", () => {
  it("counts products already on the list as arrived, and tells apart those that did not fit or left the catalogue", () => {
    expect(handoffLanding(["added", "already", "added"])).toBe("/shortlist?kiosk=3");
    const url = handoffLanding(["added", "full", "full", "not_found"]);
    expect(url).toBe("/shortlist?kiosk=1&kioskFull=2&kioskGone=1");
    expect(handoffNotice(new URL(url, "http://x").searchParams)).toEqual({ added: 1, full: 2, gone: 1 });
  });

  it("a crafted link shows nothing but small numbers, and no notice without ?kiosk", () => {
    expect(handoffNotice(new URLSearchParams("kiosk=<b>hi</b>&kioskFull=99999&kioskGone=-1"))).toEqual({ added: 0, full: 0, gone: 0 });
    expect(handoffNotice(new URLSearchParams("kiosk=250"))).toEqual({ added: 100, full: 0, gone: 0 });
    expect(handoffNotice(new URLSearchParams(""))).toBeNull();
  });
});
