import { translate } from "@guildhall/core/i18n";
import { redirect } from "next/navigation";
import { MessagesView } from "~/components/chats/messages-view";
import { one, type SearchParams } from "~/lib/search-params";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

/** Private chats: the list on the side, the open chat (`?chat=<id>`) beside it. */
export default async function MessagesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/messages");
  const chat = one((await searchParams).chat);
  const chatId = chat && /^[0-9a-f-]{36}$/i.test(chat) ? chat : null;
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "chats.heading")}</h1>
      <MessagesView me={user.userId} chatId={chatId} />
    </>
  );
}
