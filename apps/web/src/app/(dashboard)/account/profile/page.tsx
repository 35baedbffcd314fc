import { translate } from "@guildhall/core/i18n";
import { redirect } from "next/navigation";
import { DeleteAccountPanel } from "~/components/delete-account-panel";
import { ProfileForm } from "~/components/profile-form";
import { currentUser } from "~/server/current-user";
import { requestLocale } from "~/server/locale";

export default async function ProfilePage() {
  if (!(await currentUser())) redirect("/sign-in");
  const locale = await requestLocale();
  return (
    <>
      <h1 data-testid="page-heading">{translate(locale, "profile.heading")}</h1>
      <ProfileForm />
      <DeleteAccountPanel />
    </>
  );
}
