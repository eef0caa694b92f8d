"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { signOut } from "@/lib/auth/actions/sign-out";

export function SignOutButton() {
  const t = useTranslations("user");
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          // On success the action redirects; a result only comes back when it failed.
          const result = await signOut({});
          if (result && !result.ok) toast.error(result.message);
        })
      }
      className="min-h-11 w-full rounded-md px-3 py-2 text-left sm:min-h-0 text-sm font-medium text-red-700 hover:bg-red-50"
    >
      {t("signOut")}
    </button>
  );
}
