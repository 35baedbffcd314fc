"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

interface Props {
  current: string;
  label: string;
  options: { value: string; label: string }[];
}

/** Stores the chosen language in a cookie and re-renders the page in it. */
export function LanguageSwitch({ current, label, options }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <label htmlFor="language">{label}</label>
      <select
        id="language"
        data-testid="language-switch"
        value={current}
        disabled={pending}
        onChange={(event) => {
          document.cookie = `gh_locale=${encodeURIComponent(event.target.value)}; path=/; max-age=31536000; samesite=lax`;
          startTransition(() => router.refresh());
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
