import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { detailResponse } from "../open-data/api.server";
import { jsonEvenWhenDatabaseUnavailable } from "../open-data/http.server";

// GET /api/v1/{gi,trademarks,regional-brands,products,organizations}/:id — one published record; else 404 {"error"}.
export const loader = (args: LoaderFunctionArgs) => jsonEvenWhenDatabaseUnavailable(() => detailResponse(args));
export const action = (args: ActionFunctionArgs) => jsonEvenWhenDatabaseUnavailable(() => detailResponse(args));
