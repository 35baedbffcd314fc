"use client";

import type { AppRouter } from "@guildhall/api";
import { guildhallLinks } from "@guildhall/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import "./zod-jitless";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** React Query + tRPC for dashboard pages; same-origin, so cookies carry the session. */
export function ApiProvider({ children, locale }: { children: ReactNode; locale: string }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: guildhallLinks({ url: "", locale }) }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
