import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { detailResponse } from "../open-data/api.server";

// GET /api/v1/{gi,trademarks,regional-brands,products,organizations}/:id — one published record; else 404 {"error"}.
export const loader = (args: LoaderFunctionArgs) => detailResponse(args);
export const action = (args: ActionFunctionArgs) => detailResponse(args);
