"use client";

import { type ComponentType, useEffect, useState } from "react";
import type { ToasterProps } from "sonner";
import { onToasterWanted, toasterMounted } from "./toast";

/** The toaster, mounted the first time a toast is shown (components/ui/toast.ts). */
export function LazyToaster() {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => onToasterWanted((sonner) => setToaster(() => sonner.Toaster)), []);
  // Runs after the toaster's own effects, so it is subscribed to new toasts by now.
  useEffect(() => {
    if (Toaster) toasterMounted();
  }, [Toaster]);
  return Toaster ? <Toaster position="top-center" richColors closeButton /> : null;
}
