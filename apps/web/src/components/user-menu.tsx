"use client";

import { signOut } from "next-auth/react";
import { useT } from "~/lib/i18n";

/** Who is signed in, with sign-out; or a sign-in link. */
export function UserMenu({ username }: { username: string | null }) {
  const t = useT();
  if (!username) {
    return (
      <div className="user-menu">
        <a href="/sign-in" data-testid="sign-in-link">
          {t("auth.signIn")}
        </a>
      </div>
    );
  }
  return (
    <div className="user-menu" data-testid="user-menu">
      <span>{t("auth.signedInAs", { name: username })}</span>
      <a href="/account/profile">{t("profile.heading")}</a>
      <a href="/account/security">{t("security.heading")}</a>
      <button
        type="button"
        className="secondary"
        onClick={() => void signOut({ redirectTo: "/sign-in" })}
      >
        {t("auth.signOut")}
      </button>
    </div>
  );
}
