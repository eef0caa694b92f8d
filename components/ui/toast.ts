"use client";

import type { ExternalToast } from "sonner";

// Toasts, with the toast library loaded the first time one is shown rather than with every page
// (most page views never show one). <LazyToaster>, in the root providers, mounts the toaster on
// that first call; the message is handed over once the toaster is listening.

type Sonner = typeof import("sonner");

let library: Promise<Sonner> | null = null;
const loadLibrary = () => (library ??= import("sonner"));

let wanted = false;
let mount: ((sonner: Sonner) => void) | null = null;
let markMounted!: () => void;
const mounted = new Promise<void>((resolve) => (markMounted = resolve));

/** LazyToaster registers how to mount the toaster; it is called at once if a toast is already waiting. */
export function onToasterWanted(mountToaster: (sonner: Sonner) => void): void {
  mount = mountToaster;
  if (wanted) void loadLibrary().then(mountToaster);
}

/** LazyToaster reports that the toaster is mounted and subscribed. */
export function toasterMounted(): void {
  markMounted();
}

function show(kind: "success" | "error" | "warning") {
  return (message: string, options?: ExternalToast) => {
    if (!wanted) {
      wanted = true;
      void loadLibrary().then((sonner) => mount?.(sonner));
    }
    void mounted.then(loadLibrary).then((sonner) => sonner.toast[kind](message, options));
  };
}

export const toast = { success: show("success"), error: show("error"), warning: show("warning") };
