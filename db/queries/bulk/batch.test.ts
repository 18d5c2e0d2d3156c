import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/db";
import { chunks, rowsPerBatch, upsertRows, writeRecords } from "./batch";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("batched upserts", () => {
  it("keep every statement far below PostgreSQL's 65,535 bind parameters", () => {
    for (const columns of [1, 2, 13, 21, 40, 200]) {
      expect(rowsPerBatch(columns) * columns).toBeLessThanOrEqual(32_000);
      expect(rowsPerBatch(columns)).toBeGreaterThanOrEqual(1);
    }
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("upsert more rows than one statement may carry, and update them on the second run", async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({ name_zh: `批次品牌${i}`, scope: "海东市" }));
    const spec = { table: "regional_brands", columns: ["name_zh", "scope"], conflict: ["name_zh"], update: ["scope"], touch: true, returning: ["id"] } as const;
    const batches: number[] = [];
    const first = await upsertRows<{ id: number }>(t.db, spec, rows, (n) => batches.push(n));
    expect(first).toHaveLength(2_500);
    expect(batches).toEqual([1_000, 1_000, 500]);
    const second = await upsertRows<{ id: number }>(
      t.db,
      spec,
      rows.map((r) => ({ ...r, scope: "乐都区" })),
    );
    expect(second.map((r) => r.id).sort()).toEqual(first.map((r) => r.id).sort());
    const scopes = await t.db.selectFrom("regional_brands").select("scope").distinct().where("name_zh", "like", "批次品牌%").execute();
    expect(scopes).toEqual([{ scope: "乐都区" }]);
  });

  it("map ids back to rows whatever path each row took", async () => {
    const existing = await t.db.selectFrom("trademarks").select(["id", "name_zh"]).where("reg_no", "is", null).orderBy("id").limit(1).executeTakeFirstOrThrow();
    const rows = [
      { values: { reg_no: "80000001", name_zh: "有号商标" } },
      { id: existing.id, values: { reg_no: null, name_zh: existing.name_zh } },
      { values: { reg_no: null, name_zh: "无号新商标" } },
    ];
    const ids = await writeRecords(t.db, "trademarks", rows, { columns: ["reg_no", "name_zh"], key: "reg_no", identity: ["name_zh"] });
    const names = await t.db.selectFrom("trademarks").select(["id", "name_zh", "status"]).where("id", "in", ids).execute();
    expect(ids.map((id) => names.find((n) => n.id === id)!.name_zh)).toEqual(["有号商标", existing.name_zh, "无号新商标"]);
    expect(ids[1]).toBe(existing.id);
    expect(new Set(names.map((n) => n.status))).toEqual(new Set(["published"]));
  });
});
