import type { NextRequest } from "next/server";
import { signIn } from "@/lib/auth/config";

/** Sends the browser straight to the organisation's identity provider. */
export async function GET(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl") ?? "/";
  // Only same-site paths: never let a link send a freshly signed-in user elsewhere.
  const redirectTo = callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  await signIn("oidc", { redirectTo });
}
