// The typed shape of the database, one file per aggregate under db/schema/. Keep in step with db/migrations (the
// migrations are the source of truth).

import type { AccountTables } from "./schema/accounts";
import type { CatalogueTables } from "./schema/catalogue";
import type { EventTables } from "./schema/events";
import type { GuidanceTables } from "./schema/guidance";
import type { MatchingTables } from "./schema/matching";
import type { NotificationTables } from "./schema/notifications";
import type { ReviewTables } from "./schema/review";

export type * from "./schema/accounts";
export type * from "./schema/catalogue";
export type * from "./schema/columns";
export type * from "./schema/events";
export type * from "./schema/guidance";
export type * from "./schema/matching";
export type * from "./schema/notifications";
export type * from "./schema/review";

export interface Database extends CatalogueTables, AccountTables, ReviewTables, MatchingTables, EventTables, GuidanceTables, NotificationTables {}
