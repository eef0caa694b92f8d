/**
 * The part of a message catalogue under the given namespaces ("projects" or "projects.stages"),
 * for a client subtree that needs only those: each page sends the browser the messages its
 * client components use, not the whole catalogue.
 */
export function pickMessages(messages: Record<string, unknown>, namespaces: readonly string[]) {
  const picked: Record<string, unknown> = {};
  for (const namespace of namespaces) {
    const [head, ...rest] = namespace.split(".");
    let from: unknown = messages;
    let into = picked;
    for (const [i, key] of [head!, ...rest].entries()) {
      from = (from as Record<string, unknown> | undefined)?.[key];
      if (from === undefined) throw new Error(`no messages under ${namespace}`);
      if (i === rest.length) into[key] = from;
      else into = (into[key] ??= {}) as Record<string, unknown>;
    }
  }
  return picked;
}

/**
 * The words every form repeats (Cancel, Saving…, Delete, Edit…), small enough to send everywhere:
 * the shell has them, and so does every page's ClientMessages, because a NextIntlClientProvider
 * replaces the messages of the one above it for its subtree rather than adding to them.
 */
export const COMMON_NAMESPACES = ["common"] as const;

/**
 * What the shell's client components use (navigation, the account menu, the language switcher,
 * the calendar feed panel, the error boundary); every page gets these.
 */
export const SHELL_NAMESPACES = [...COMMON_NAMESPACES, "nav", "user", "languages", "calendar.menu", "errors"] as const;
