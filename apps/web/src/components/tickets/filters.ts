/**
 * The ticket inbox's filters and their query string: a filtered view is a URL
 * that can be shared and survives a reload. Values the API would refuse are
 * dropped when read, so a hand-edited URL never breaks the page.
 */

export const STATUS_FILTERS = ["active", "open", "pending", "on_hold", "closed"] as const;
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type Priority = (typeof PRIORITIES)[number];

export interface InboxFilters {
  status: StatusFilter;
  q: string;
  breached: boolean;
  category: string;
  /** "" anyone, "me", "none" (unassigned) or a user id. */
  assignee: string;
  tag: string;
  priority: Priority | "";
}

export const NO_FILTERS: InboxFilters = {
  status: "active",
  q: "",
  breached: false,
  category: "",
  assignee: "",
  tag: "",
  priority: "",
};

/** What the API accepts as a tag (lower case, letters, digits, - and _). */
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,29}$/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pick = <T extends string>(options: readonly T[], value: string | null | undefined) =>
  options.find((option) => option === value);

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** Filters from a page's search params (or a URLSearchParams). */
export function readFilters(params: Params): InboxFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return typeof value === "string" ? value : "";
  };
  const assignee = get("assignee");
  const tag = get("tag").trim().toLowerCase();
  return {
    status: pick(STATUS_FILTERS, get("status")) ?? "active",
    q: get("q").slice(0, 200),
    breached: get("breached") === "true",
    category: get("category").trim().slice(0, 50),
    assignee: assignee === "me" || assignee === "none" || UUID.test(assignee) ? assignee : "",
    tag: TAG_PATTERN.test(tag) ? tag : "",
    priority: pick(PRIORITIES, get("priority")) ?? "",
  };
}

/** The query string for filters (defaults left out), with a leading "?" or "". */
export function filtersQuery(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== "active") params.set("status", filters.status);
  if (filters.q.trim()) params.set("q", filters.q);
  if (filters.breached) params.set("breached", "true");
  if (filters.category) params.set("category", filters.category);
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.priority) params.set("priority", filters.priority);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The tickets.list input for filters; `me` is the viewer's user id. */
export function listInput(hubSlug: string, filters: InboxFilters, me: string) {
  const tag = filters.tag.trim().toLowerCase();
  return {
    hubSlug,
    status: filters.status,
    q: filters.q.trim() || undefined,
    breached: filters.breached ? ("true" as const) : undefined,
    category: filters.category || undefined,
    assigneeId:
      filters.assignee === "me"
        ? me
        : filters.assignee && filters.assignee !== "none"
          ? filters.assignee
          : undefined,
    unassigned: filters.assignee === "none" ? ("true" as const) : undefined,
    tag: TAG_PATTERN.test(tag) ? tag : undefined,
    priority: filters.priority || undefined,
    limit: 25,
  };
}
