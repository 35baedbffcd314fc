import { router } from "../../trpc";
import { getTicketSettings } from "./ticket-settings";
import { typing } from "./typing";
import { watchInbox } from "./watch-inbox";
import { watchTicket } from "./watch-ticket";
import { assignTicket } from "./assign-ticket";
import { claimTicket } from "./claim-ticket";
import { closeTicket } from "./close-ticket";
import { createReply } from "./create-canned-reply";
import { createTicket } from "./create-ticket";
import { deleteReply } from "./delete-canned-reply";
import { deletePolicy } from "./delete-sla-policy";
import { deleteTicket } from "./delete-ticket";
import { editMessage } from "./edit-message";
import { getAttachment } from "./get-attachment";
import { getTicket } from "./get-ticket";
import { getTranscript } from "./get-transcript";
import { listReplies } from "./list-canned-replies";
import { listMessages } from "./list-messages";
import { listPolicies } from "./list-sla-policies";
import { listTickets } from "./list-tickets";
import { markRead } from "./mark-read";
import { mergeTickets } from "./merge-tickets";
import { reopenTicket } from "./reopen-ticket";
import { sendMessage } from "./send-message";
import { setPolicy } from "./set-sla-policy";
import { unassignTicket } from "./unassign-ticket";
import { unreadCounts } from "./unread-counts";
import { uploadAttachment } from "./upload-attachment";
import { updateReply } from "./update-canned-reply";
import { updateTicket } from "./update-ticket";

/**
 * Support tickets. Routes with a literal segment after /tickets (unread,
 * canned-replies, sla-policies) come before /tickets/{ticketId}: the REST
 * adapter takes the first route that matches.
 */
export const ticketsRouter = router({
  list: listTickets,
  create: createTicket,
  unread: unreadCounts,
  settings: getTicketSettings,
  watchInbox,
  cannedReplies: router({
    list: listReplies,
    create: createReply,
    update: updateReply,
    delete: deleteReply,
  }),
  sla: router({ list: listPolicies, set: setPolicy, delete: deletePolicy }),
  get: getTicket,
  update: updateTicket,
  delete: deleteTicket,
  claim: claimTicket,
  assign: assignTicket,
  unassign: unassignTicket,
  close: closeTicket,
  reopen: reopenTicket,
  markRead,
  watch: watchTicket,
  typing,
  merge: mergeTickets,
  transcript: getTranscript,
  messages: router({ list: listMessages, send: sendMessage, edit: editMessage }),
  attachments: router({ upload: uploadAttachment, get: getAttachment }),
});
