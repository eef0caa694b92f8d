// One file per area and language, merged here; each file's top-level keys are namespaces.
// Add a new area's en and zh-CN files to both lists.
import enApp from "./en/app.json";
import enEnterprises from "./en/enterprises.json";
import enEnterpriseList from "./en/enterpriseList.json";
import zhApp from "./zh-CN/app.json";
import zhEnterprises from "./zh-CN/enterprises.json";
import zhEnterpriseList from "./zh-CN/enterpriseList.json";

const en = { ...enApp, ...enEnterprises, ...enEnterpriseList };
export type Messages = typeof en;

export const catalogues: Record<"en" | "zh-CN", Messages> = {
  en,
  "zh-CN": { ...zhApp, ...zhEnterprises, ...zhEnterpriseList },
};
