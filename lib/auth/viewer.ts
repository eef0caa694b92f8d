import type { Locale, Role } from "@/db/enums";

/** The signed-in caller, as every query and action sees it. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  locale: Locale | null;
}
