"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (and its "Save as PDF"); the label comes from the page. */
export function PrintPageButton({ label }: { label: string }) {
  return (
    <Button onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
