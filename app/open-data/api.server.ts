import { lastModified, OPEN_DATA_TYPES, pageOfIds, unknownTownships, type OpenDataType } from "../../db/queries/open-data";
import { todayInChina } from "../platform/china-time";
import { resolveCounty } from "../search/places.server";
import { db } from "../services.server";
import { errorResponse, guard, validatedJson } from "./http.server";
import { parseListQuery, refuseParameters } from "./params";
import { loadRecords } from "./records.server";
import { LIST_SCHEMAS, RECORD_SCHEMAS } from "./schemas";

// GET /api/v1/<type> and /api/v1/<type>/<id>: published records only, validated against the schemas the OpenAPI
// document is generated from.

export interface ApiArgs {
  request: Request;
  params: { resource?: string; id?: string };
  context: { clientAddress: string };
}

function isType(value: string | undefined): value is OpenDataType {
  return (OPEN_DATA_TYPES as readonly string[]).includes(value ?? "");
}

function unknownResource(name: string | undefined) {
  return errorResponse(404, `unknown resource ${JSON.stringify(name ?? "")}: one of ${OPEN_DATA_TYPES.join(", ")}, search, openapi.json`);
}

export async function listResponse({ request, params, context }: ApiArgs): Promise<Response> {
  const blocked = guard(request, context.clientAddress);
  if (blocked) return blocked;
  if (!isType(params.resource)) return unknownResource(params.resource);
  const type = params.resource;
  const parsed = parseListQuery(type, new URL(request.url).searchParams, resolveCounty);
  if (!parsed.ok) return errorResponse(400, parsed.error);
  const { page, per_page, filters } = parsed.value;
  const missing = await unknownTownships(db(), filters.township ?? []);
  if (missing.length) return errorResponse(400, `Parameter township: no township named ${missing.map((m) => JSON.stringify(m)).join(", ")}`);
  const today = todayInChina();
  const [{ ids, total }, modified] = await Promise.all([
    pageOfIds(db(), type, filters, { limit: per_page, offset: (page - 1) * per_page }, today),
    lastModified(db(), type),
  ]);
  const items = await loadRecords(db(), type, today, ids);
  return validatedJson(request, LIST_SCHEMAS[type], { items, total, page, per_page }, modified);
}

export async function detailResponse({ request, params, context }: ApiArgs): Promise<Response> {
  const blocked = guard(request, context.clientAddress);
  if (blocked) return blocked;
  if (!isType(params.resource)) return unknownResource(params.resource);
  const type = params.resource;
  const refused = refuseParameters(new URL(request.url).searchParams);
  if (refused) return errorResponse(400, refused);
  const raw = params.id ?? "";
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  const notFound = () => errorResponse(404, `no published ${type} record with id ${JSON.stringify(raw)}`);
  if (!Number.isSafeInteger(id) || id < 1) return notFound();
  const today = todayInChina();
  const [records, modified] = await Promise.all([loadRecords(db(), type, today, [id]), lastModified(db(), type)]);
  if (records.length === 0) return notFound();
  return validatedJson(request, RECORD_SCHEMAS[type], records[0], modified);
}
