import { router } from "../../trpc";
import { blockUser } from "./block-user";
import { deleteMessage } from "./delete-message";
import { editMessage } from "./edit-message";
import { getChat } from "./get-chat";
import { listBlocked } from "./list-blocked";
import { listChats } from "./list-chats";
import { listMessages } from "./list-messages";
import { markRead } from "./mark-read";
import { sendMessage } from "./send-message";
import { startChat } from "./start-chat";
import { typing } from "./typing";
import { unblockUser } from "./unblock-user";
import { watchChats } from "./watch-chats";

/** Private 1:1 chats (seed 003), under /me: they belong to their two participants, not a hub. */
export const chatsRouter = router({
  start: startChat,
  list: listChats,
  info: getChat,
  messages: listMessages,
  send: sendMessage,
  edit: editMessage,
  remove: deleteMessage,
  markRead,
  typing,
  block: blockUser,
  unblock: unblockUser,
  blocked: listBlocked,
  watch: watchChats,
});
