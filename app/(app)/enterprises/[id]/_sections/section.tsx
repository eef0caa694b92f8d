import type { ReactNode } from "react";

/** A titled block of the enterprise page; the heading names the region for screen readers. */
export function Section({ id, title, count, children, className = "" }: { id: string; title: string; count?: number; children: ReactNode; className?: string }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={`scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 ${className}`}>
      <h2 id={`${id}-title`} className="mb-3 flex items-baseline gap-2 text-lg font-semibold">
        {title}
        {count ? <span className="text-sm font-normal text-slate-500">{count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}
