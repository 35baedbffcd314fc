import { translate } from "@guildhall/core/i18n";
import { redirect } from "next/navigation";
import { ApproveSignIn } from "~/components/qr/approve-sign-in";
import { one, type SearchParams } from "~/lib/search-params";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

/** Opened from a QR code on a signed-in device; visitors sign in first and come back. */
export default async function ApproveSignInPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const requestId = one((await searchParams).request) ?? "";
  if (!(await currentUser())) {
    const back = `/approve-sign-in?request=${encodeURIComponent(requestId)}`;
    redirect(`/sign-in?next=${encodeURIComponent(back)}`);
  }
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "qr.approveHeading")}</h1>
      <ApproveSignIn requestId={requestId} />
    </>
  );
}
