import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listResponse } from "../open-data/api.server";

// GET /api/v1/{gi,trademarks,regional-brands,products,organizations}?page=&per_page=&<filters> — see README "Open data API".
export const loader = (args: LoaderFunctionArgs) => listResponse(args);
// OPTIONS (CORS preflight) and any other method: answered by the same guard (preflight / 405)
export const action = (args: ActionFunctionArgs) => listResponse(args);
