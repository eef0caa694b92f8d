import Link from "next/link";
import type { ReactNode } from "react";

interface Props {
  /** The way back: the list, or the record a form edits. */
  back?: { href: string; label: string };
  title: string;
  /** Under the title: the other-language name, a stage or a direction. */
  subtitle?: ReactNode;
  /** Beside the title: edit, delete, print. */
  actions?: ReactNode;
}

/** The top of a record's page or of a form's page: the way back, the title, and what can be done. */
export function PageHeader({ back, title, subtitle, actions }: Props) {
  return (
    <div className="space-y-2">
      {back ? (
        <Link href={back.href} className="text-sm text-brand-700 hover:underline">
          ← {back.label}
        </Link>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-semibold break-words">{title}</h1>
          {subtitle}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
