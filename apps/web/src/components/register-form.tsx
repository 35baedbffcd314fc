"use client";

import { toGuildhallError } from "@guildhall/client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "~/components/field";
import { formText } from "~/lib/form";
import { useT } from "~/lib/i18n";
import { useTRPC } from "~/lib/trpc";

export function RegisterForm() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const error = register.error ? toGuildhallError(register.error) : null;
  // The answer is the same whether or not the address had an account; when
  // signing in with the new account fails, the mail says what happened.
  const [checkMail, setCheckMail] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      username: formText(form, "username"),
      email: formText(form, "email"),
      password: formText(form, "password"),
    };
    await register.mutateAsync(input).then(
      async () => {
        const result = await signIn("credentials", {
          login: input.username,
          password: input.password,
          redirect: false,
        });
        if (!result?.ok || result.error) return setCheckMail(true);
        router.push("/");
        router.refresh();
      },
      () => undefined,
    );
  }

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} data-testid="register-form">
      <Field
        label={t("auth.username")}
        name="username"
        autoComplete="username"
        required
        errors={error?.fieldErrors.username}
      />
      <Field
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={error?.fieldErrors.email}
      />
      <Field
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={error?.fieldErrors.password}
      />
      {error && !Object.keys(error.fieldErrors).length ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {checkMail ? (
        <p role="status" data-testid="register-check-mail">
          {t("auth.registered")}
        </p>
      ) : null}
      <button type="submit" disabled={register.isPending}>
        {t("auth.register")}
      </button>
    </form>
  );
}
