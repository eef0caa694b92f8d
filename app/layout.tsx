import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LazyToaster } from "@/components/ui/lazy-toaster";
import { pickMessages, SHELL_NAMESPACES } from "@/lib/i18n/pick-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        {/* The shell's messages only: pages give their own client components theirs (ClientMessages). */}
        <NextIntlClientProvider messages={pickMessages(messages, SHELL_NAMESPACES)}>
          {children}
          <LazyToaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
