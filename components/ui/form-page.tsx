import type { ReactNode } from "react";
import { PageHeader } from "./page-header";

interface Props {
  /** The way back: the list, or the record the form edits. */
  back?: { href: string; label: string };
  title: string;
  /** Under the title: where the new record comes from. */
  subtitle?: ReactNode;
  /** A wider column, for a form with side-by-side fields of some length (a delegation's). */
  wide?: boolean;
  children: ReactNode;
}

/** The page of a "new" or "edit" form: the header, then the form, in one centred column. */
export function FormPage({ back, title, subtitle, wide = false, children }: Props) {
  return (
    <div className={wide ? "mx-auto max-w-3xl space-y-4" : "mx-auto max-w-2xl space-y-4"}>
      <PageHeader back={back} title={title} subtitle={subtitle} />
      {children}
    </div>
  );
}
