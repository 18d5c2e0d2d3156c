import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { cacheableResponse, errorResponse, guard } from "../open-data/http.server";
import { openApiDocument } from "../open-data/openapi";
import { refuseParameters } from "../open-data/params";
import { configuredOrigin } from "../platform/public-origin.server";

// GET /api/v1/openapi.json — the OpenAPI 3.1 description of /api/v1, generated from the Zod schemas that validate the
// API's responses. Built once per process: it only changes with the code.
let document: string | undefined;
const started = new Date();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const blocked = guard(request, context.clientAddress);
  if (blocked) return blocked;
  const refused = refuseParameters(new URL(request.url).searchParams);
  if (refused) return errorResponse(400, refused);
  document ??= JSON.stringify(openApiDocument({ serverUrl: configuredOrigin() }), null, 2);
  return cacheableResponse(request, document, { contentType: "application/json; charset=utf-8", lastModified: started, cacheControl: "public, max-age=300" });
}

export const action = ({ request, context }: ActionFunctionArgs) => guard(request, context.clientAddress) ?? errorResponse(405, "read-only");
