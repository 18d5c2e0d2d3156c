import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalDataOf } from "../../db/queries/personal-data";
import { requireUser } from "../auth/guards.server";
import { PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { chinaDay } from "../platform/china-time";
import { PRIVACY_TEXT_VERSION } from "../privacy/consent";
import { db } from "../services.server";

// GET /account/data.json — everything kept about the signed-in account, as a JSON file (PIPL's right to a copy).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const body = { exported_at: new Date().toISOString(), privacy_text_version: PRIVACY_TEXT_VERSION, ...(await personalDataOf(db(), user.id)) };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="haidong-my-data-${chinaDay(new Date())}.json"`,
    },
  });
}
