"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useHubPermissions } from "~/lib/hub-permissions";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";
import { FormError } from "~/components/form-error";
import { useDebounced } from "./use-debounced";
import { staffLabel, useTicketStaff, type StaffMember } from "./use-staff";

/**
 * Staff hand the ticket to another staff member: a list of the hub's ticket
 * staff, or (without the rights to list roles) a username search. The server
 * refuses anyone who does not handle tickets.
 */
export function AssignPicker(props: {
  hubSlug: string;
  ticketId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  onDone: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const { hubSlug, ticketId } = props;
  const perms = useHubPermissions(hubSlug);
  const staff = useTicketStaff(hubSlug, true);
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim());
  const found = useQuery({
    ...trpc.members.list.queryOptions({ hubSlug, query: query || undefined, limit: 20 }),
    enabled: !staff.available && perms.can("member.read") && query.length > 0,
  });
  const assign = useMutation(trpc.tickets.assign.mutationOptions({ onSuccess: props.onDone }));
  const options: StaffMember[] = staff.available
    ? staff.members
    : (found.data?.items ?? []).map((m) => ({
        userId: m.id,
        username: m.username,
        displayName: m.displayName,
      }));
  const current = props.assigneeId ?? "";
  const listed = !current || options.some((m) => m.userId === current);
  const searching = !staff.available && perms.can("member.read");

  return (
    <>
      {searching ? (
        <input
          type="search"
          aria-label={t("tickets.findStaff")}
          placeholder={t("tickets.findStaff")}
          value={search}
          maxLength={20}
          onChange={(e) => setSearch(e.target.value)}
        />
      ) : null}
      <select
        aria-label={t("tickets.assignTo")}
        value={current}
        disabled={assign.isPending}
        onChange={(e) => {
          if (e.target.value) assign.mutate({ hubSlug, ticketId, assigneeId: e.target.value });
        }}
      >
        <option value="" disabled>
          {t("tickets.assignTo")}…
        </option>
        {listed ? null : <option value={current}>{props.assigneeName ?? "—"}</option>}
        {options.map((m) => (
          <option key={m.userId} value={m.userId}>
            {staffLabel(m)}
          </option>
        ))}
      </select>
      <FormError error={assign.error} withFields />
    </>
  );
}
