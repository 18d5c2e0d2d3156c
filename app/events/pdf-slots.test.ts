import { describe, expect, it } from "vitest";
import { PdfBusyError, Slots } from "./pdf.server";

describe("a crowd pressing 下载 PDF at once is printed a few at a time, and told to come back once the queue is full", () => {
  it("lets two print, queues the next in order, and refuses past the queue with a Retry-After", async () => {
    const slots = new Slots(2, 2, 5);
    const order: string[] = [];
    await slots.take();
    await slots.take();
    const third = slots.take().then(() => order.push("third"));
    const fourth = slots.take().then(() => order.push("fourth"));
    expect([slots.busy, slots.queued]).toEqual([2, 2]);
    const refused = await slots.take().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PdfBusyError);
    // three jobs ahead, two at a time, five seconds each
    expect((refused as PdfBusyError).retryAfterSeconds).toBe(8);
    slots.release();
    await third;
    expect(order).toEqual(["third"]);
    expect([slots.busy, slots.queued]).toEqual([2, 1]);
    slots.release();
    await fourth;
    expect(order).toEqual(["third", "fourth"]);
    slots.release();
    slots.release();
    expect([slots.busy, slots.queued]).toEqual([0, 0]);
  });
});
