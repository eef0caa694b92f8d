import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { TIME_ZONE } from "@/lib/time";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "./locales";
import { catalogues } from "./messages";

// The signed-in user's saved choice wins; before sign-in, the cookie, then the browser.
export default getRequestConfig(async () => {
  // With the database unreachable there is no saved choice to read; the cookie or the browser
  // still picks the language of the error the person is shown.
  const viewer = await getViewer().catch(() => null);
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale =
    viewer?.locale ?? (isLocale(cookie) ? cookie : negotiateLocale((await headers()).get("accept-language")));
  return { locale, messages: catalogues[locale], timeZone: TIME_ZONE };
});
