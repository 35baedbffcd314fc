import { describe, expect, it } from "vitest";
import {
  filtersQuery,
  listInput,
  NO_FILTERS,
  readFilters,
} from "../src/components/tickets/filters";

const me = "0190a000-0000-7000-8000-000000000001";
const other = "0190a000-0000-7000-8000-000000000002";

describe("ticket inbox filters in the query string", () => {
  it("round-trips every filter through the URL and leaves defaults out", () => {
    const filters = {
      status: "pending" as const,
      q: "convoy error",
      breached: true,
      category: "Bug",
      assignee: other,
      tag: "billing",
      priority: "urgent" as const,
    };
    const query = filtersQuery(filters);
    expect(readFilters(new URLSearchParams(query))).toEqual(filters);
    expect(filtersQuery(NO_FILTERS)).toBe("");
    expect(readFilters({})).toEqual(NO_FILTERS);
  });

  it("drops values the API would refuse", () => {
    expect(
      readFilters({
        status: "deleted",
        priority: "critical",
        assignee: "somebody",
        tag: "two words",
        breached: "yes",
      }),
    ).toEqual(NO_FILTERS);
    expect(readFilters({ tag: "Billing", status: ["open", "closed"] })).toMatchObject({
      tag: "billing",
      status: "active",
    });
  });

  it("maps assignee choices to tickets.list inputs", () => {
    expect(listInput("demo", { ...NO_FILTERS, assignee: "me" }, me)).toMatchObject({
      assigneeId: me,
      unassigned: undefined,
    });
    expect(listInput("demo", { ...NO_FILTERS, assignee: "none" }, me)).toMatchObject({
      assigneeId: undefined,
      unassigned: "true",
    });
    expect(listInput("demo", { ...NO_FILTERS, assignee: other, tag: "a b" }, me)).toMatchObject({
      assigneeId: other,
      tag: undefined,
    });
  });
});
