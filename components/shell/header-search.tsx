import { getTranslations } from "next-intl/server";
import { STAGES } from "@/db/enums";
import { SearchBox } from "./search-box";

/** The header's search box, with its words in the reader's language. */
export async function HeaderSearch() {
  const [t, stages] = await Promise.all([getTranslations("search"), getTranslations("projects.stages")]);
  const labels = {
    open: t("open"),
    shortcut: t("shortcut"),
    label: t("label"),
    placeholder: t("placeholder"),
    hint: t("hint"),
    // Filled in by the box with what was typed.
    empty: t("empty", { q: "{q}" }),
    searching: t("searching"),
    failed: t("failed"),
    seeAll: t("seeAll", { q: "{q}" }),
    close: t("close"),
    kinds: { enterprise: t("kinds.enterprise"), contact: t("kinds.contact"), project: t("kinds.project"), event: t("kinds.event"), delegation: t("kinds.delegation"), visit: t("kinds.visit") },
    stages: Object.fromEntries(STAGES.map((s) => [s, stages(s)])),
  };
  return <SearchBox labels={labels} />;
}
