// One file per area and language, merged here; each file's top-level keys are namespaces.
// Add a new area's en and zh-CN files to both lists.
import enApp from "./en/app.json";
import enEnterpriseDetail from "./en/enterpriseDetail.json";
import enEnterprises from "./en/enterprises.json";
import enImport from "./en/import.json";
import enEnterpriseList from "./en/enterpriseList.json";
import enMerge from "./en/merge.json";
import enFollowUps from "./en/followUps.json";
import enVisits from "./en/visits.json";
import enPipeline from "./en/pipeline.json";
import enProjects from "./en/projects.json";
import enDelegations from "./en/delegations.json";
import enEvents from "./en/events.json";
import enAlerts from "./en/alerts.json";
import enAdmin from "./en/admin.json";
import enReview from "./en/review.json";
import zhApp from "./zh-CN/app.json";
import zhEnterpriseDetail from "./zh-CN/enterpriseDetail.json";
import zhEnterprises from "./zh-CN/enterprises.json";
import zhImport from "./zh-CN/import.json";
import zhEnterpriseList from "./zh-CN/enterpriseList.json";
import zhMerge from "./zh-CN/merge.json";
import zhFollowUps from "./zh-CN/followUps.json";
import zhVisits from "./zh-CN/visits.json";
import zhPipeline from "./zh-CN/pipeline.json";
import zhProjects from "./zh-CN/projects.json";
import zhDelegations from "./zh-CN/delegations.json";
import zhEvents from "./zh-CN/events.json";
import zhAlerts from "./zh-CN/alerts.json";
import zhAdmin from "./zh-CN/admin.json";
import zhReview from "./zh-CN/review.json";

const en = { ...enApp, ...enEnterprises, ...enImport, ...enEnterpriseList, ...enMerge, ...enEnterpriseDetail, ...enProjects, ...enPipeline, ...enFollowUps, ...enVisits, ...enDelegations, ...enEvents, ...enAlerts, ...enAdmin, ...enReview };
export type Messages = typeof en;

export const catalogues: Record<"en" | "zh-CN", Messages> = {
  en,
  "zh-CN": { ...zhApp, ...zhEnterprises, ...zhImport, ...zhEnterpriseList, ...zhMerge, ...zhEnterpriseDetail, ...zhProjects, ...zhPipeline, ...zhFollowUps, ...zhVisits, ...zhDelegations, ...zhEvents, ...zhAlerts, ...zhAdmin, ...zhReview },
};
