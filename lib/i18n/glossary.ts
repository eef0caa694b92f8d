/**
 * One term per thing, in both languages: the word every page, title, menu and message uses for
 * each concept, and the words it replaced. lib/i18n/glossary.test.ts fails when a catalogue
 * uses a replaced word again. Money units follow the rule in lib/money.ts.
 */
export interface GlossaryEntry {
  concept: string;
  zh: string;
  en: string;
  /** Words no catalogue may use for this concept any more. */
  replaced: { zh: string[]; en: string[] };
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    concept: "The page of one's follow-ups due now and soon (/my-day)",
    zh: "我的今日",
    en: "My day",
    replaced: { zh: ["我的一天"], en: [] },
  },
  {
    concept: "The role that manages a team and verifies its milestones",
    zh: "科长",
    en: "Manager",
    // 管理人员 read like 管理员 (the administrator), a different role.
    replaced: { zh: ["管理人员"], en: [] },
  },
  {
    concept: "The amount a project signed for (its planned amount from signing on)",
    zh: "签约额",
    en: "Signed amount",
    replaced: { zh: ["合同额", "签约金额"], en: ["Contracted", "Contract amount"] },
  },
  {
    concept: "The projects by stage (/pipeline), shown as a board or as a list",
    zh: "项目库",
    en: "Pipeline",
    // The list view is not a board: 看板 names only the board view.
    replaced: { zh: ["项目看板"], en: [] },
  },
  {
    concept: "The managers' figures reported upward (/review)",
    zh: "项目盘点",
    en: "Pipeline review",
    replaced: { zh: ["研判"], en: [] },
  },
];
