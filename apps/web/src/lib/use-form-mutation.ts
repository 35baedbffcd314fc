"use client";

import { toGuildhallError, type GuildhallError } from "@guildhall/client";
import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import type { FormEvent } from "react";

/**
 * A form that sends one mutation: `onSubmit` reads the submitted fields
 * (`read`; null sends nothing), sends them, and on success clears the form
 * when `clearOnSuccess`; `error` is the refusal as a GuildhallError (message
 * and field errors, translated by the API), null otherwise. The dashboard's
 * forms share this instead of each writing its own submit and error handling.
 */
export function useFormMutation<TData, TError, TInput>(
  options: UseMutationOptions<TData, TError, TInput>,
  read: (form: FormData) => TInput | null,
  { clearOnSuccess = false }: { clearOnSuccess?: boolean } = {},
) {
  const mutation = useMutation(options);
  const error: GuildhallError | null = mutation.error ? toGuildhallError(mutation.error) : null;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = read(new FormData(form));
    if (input === null) return;
    mutation.mutate(input, clearOnSuccess ? { onSuccess: () => form.reset() } : undefined);
  }
  return { mutation, onSubmit, error, pending: mutation.isPending };
}
