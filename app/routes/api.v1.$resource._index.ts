import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listResponse } from "../open-data/api.server";
import { jsonEvenWhenDatabaseUnavailable } from "../open-data/http.server";

// GET /api/v1/{gi,trademarks,regional-brands,products,organizations}?page=&per_page=&<filters> — see README "Open data API".
export const loader = (args: LoaderFunctionArgs) => jsonEvenWhenDatabaseUnavailable(() => listResponse(args));
// OPTIONS (CORS preflight) and any other method: answered by the same guard (preflight / 405)
export const action = (args: ActionFunctionArgs) => jsonEvenWhenDatabaseUnavailable(() => listResponse(args));
