import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { COMMON_NAMESPACES, pickMessages } from "@/lib/i18n/pick-messages";

/**
 * Gives the client components below it the messages under `namespaces`, and the words every form
 * repeats (COMMON_NAMESPACES), and no others
 * (test/codebase/client-messages.test.ts checks that every page lists what its client components use).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...COMMON_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
