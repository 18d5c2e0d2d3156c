import type { ColumnType, Generated } from "kysely";
import type { DateOnly, DefaultTimestamp, NullableTimestamp } from "./columns";

// Trade fairs (2026_11_28_140000_create_events, 2026_11_28_150000_add_event_leads): events, exhibitors, curated
// catalogue with frozen versions, kiosk, and booth-page views per exhibitor per day (no visitor data).

export type EventStatus = "draft" | "published" | "closed";

export interface EventsTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string | null;
  starts_on: DateOnly;
  ends_on: DateOnly;
  venue_zh: string;
  venue_en: string | null;
  organiser_zh: string;
  organiser_en: string | null;
  status: Generated<EventStatus>;
  is_sample: Generated<boolean>;
  /** the fair's programme (2026_12_06_100000_event_schedule), checked by app/events/schedule.ts, by day and time */
  schedule: ColumnType<EventScheduleItem[], never, EventScheduleItem[]>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** One schedule item: a day, China's wall-clock time (HH:MM, absent all day), titles and place. */
export interface EventScheduleItem {
  date: string;
  time?: string;
  title_zh: string;
  title_en?: string;
  place_zh?: string;
}

export interface EventExhibitorsTable {
  id: Generated<number>;
  event_id: number;
  organization_id: number;
  hall: string | null;
  booth: string;
  /** set when fair staff remove the exhibitor: the row stays so its booth QR code keeps resolving */
  withdrawn_at: Date | null;
}

export interface SavedQuery {
  q?: string;
  county_id?: number;
  category?: string;
}

export interface EventSectionsTable {
  id: Generated<number>;
  event_id: number;
  title_zh: string;
  title_en: string | null;
  position: number;
  saved_query: ColumnType<SavedQuery | null, SavedQuery | null | undefined, SavedQuery | null>;
  created_at: DefaultTimestamp;
}

export interface EventEntriesTable {
  id: Generated<number>;
  section_id: number;
  product_id: number;
  position: number;
  note_zh: string | null;
  note_en: string | null;
  added_at: DefaultTimestamp;
}

export interface EventCatalogueVersionsTable {
  id: Generated<number>;
  event_id: number;
  version: number;
  cutoff_at: ColumnType<Date, Date | string, Date | string>;
  created_at: DefaultTimestamp;
}

export interface EventCatalogueRowsTable {
  version_id: number;
  section_id: number | null;
  section_title_zh: string;
  section_title_en: string | null;
  section_position: number;
  product_id: number;
  position: number;
  note_zh: string | null;
  note_en: string | null;
}

export interface KioskSessionsTable {
  id: Generated<number>;
  event_id: number;
  token_hash: string;
  created_at: DefaultTimestamp;
}

export interface KioskShortlistItemsTable {
  kiosk_session_id: number;
  product_id: number;
  added_at: DefaultTimestamp;
}

export interface KioskHandoffsTable {
  token_hash: string;
  event_id: number;
  product_ids: number[];
  created_at: DefaultTimestamp;
  used_at: NullableTimestamp;
}

export interface EventBoothViewsTable {
  exhibitor_id: number;
  day: DateOnly;
  views: Generated<number>;
}

export interface EventTables {
  events: EventsTable;
  event_exhibitors: EventExhibitorsTable;
  event_sections: EventSectionsTable;
  event_entries: EventEntriesTable;
  event_catalogue_versions: EventCatalogueVersionsTable;
  event_catalogue_rows: EventCatalogueRowsTable;
  kiosk_sessions: KioskSessionsTable;
  kiosk_shortlist_items: KioskShortlistItemsTable;
  kiosk_handoffs: KioskHandoffsTable;
  event_booth_views: EventBoothViewsTable;
}
