import { describe, expect, it } from "vitest";
import { unreachableFromPhones } from "./public-origin.server";

describe("fair staff are warned before printing codes a buyer's phone cannot open", () => {
  it.each([
    "http://127.0.0.1:3000",
    "http://localhost:3000",
    "http://app.localhost",
    "http://[::1]:3000",
    "http://10.0.0.5",
    "http://172.20.1.1",
    "http://192.168.1.20:3000",
    "http://169.254.1.1",
    "http://[fd12::1]",
    "not a url",
  ])("%s is not reachable from phones", (origin) => {
    expect(unreachableFromPhones(origin)).toBe(true);
  });

  it.each(["https://catalogue.haidong.example", "https://172.32.0.1", "http://8.8.8.8", "https://[2001:db8::1]"])("%s is", (origin) => {
    expect(unreachableFromPhones(origin)).toBe(false);
  });
});
