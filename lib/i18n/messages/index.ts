// One file per namespace and language, named after its namespace: en/nav.json holds what
// t("nav.…") reads in English. Each catalogue below names every namespace once, as an object
// key, so two files cannot land on one namespace (a repeated key does not compile), and zh-CN
// must have exactly en's namespaces (it is typed as en's shape). messages.test.ts checks that
// these lists and the files on disk agree. A new namespace: add its en and zh-CN files to both.
import enAdmin from "./en/admin.json";
import enAdminRules from "./en/adminRules.json";
import enAlerts from "./en/alerts.json";
import enApp from "./en/app.json";
import enAttachments from "./en/attachments.json";
import enAuditLog from "./en/auditLog.json";
import enAuth from "./en/auth.json";
import enCalendar from "./en/calendar.json";
import enChainMap from "./en/chainMap.json";
import enCommon from "./en/common.json";
import enDelegations from "./en/delegations.json";
import enDeleted from "./en/deleted.json";
import enEnterpriseContacts from "./en/enterpriseContacts.json";
import enEnterpriseDetail from "./en/enterpriseDetail.json";
import enEnterpriseForm from "./en/enterpriseForm.json";
import enEnterpriseList from "./en/enterpriseList.json";
import enEnterprisePicker from "./en/enterprisePicker.json";
import enEnterprises from "./en/enterprises.json";
import enEnterpriseTimeline from "./en/enterpriseTimeline.json";
import enErrors from "./en/errors.json";
import enEvents from "./en/events.json";
import enExport from "./en/export.json";
import enFollowUpRules from "./en/followUpRules.json";
import enFollowUps from "./en/followUps.json";
import enImport from "./en/import.json";
import enLanguages from "./en/languages.json";
import enMerge from "./en/merge.json";
import enMonthlyReport from "./en/monthlyReport.json";
import enNav from "./en/nav.json";
import enNotifications from "./en/notifications.json";
import enPipeline from "./en/pipeline.json";
import enProjectRules from "./en/projectRules.json";
import enProjects from "./en/projects.json";
import enReview from "./en/review.json";
import enReviewTabs from "./en/reviewTabs.json";
import enRoles from "./en/roles.json";
import enSavedViews from "./en/savedViews.json";
import enSearch from "./en/search.json";
import enTargets from "./en/targets.json";
import enUser from "./en/user.json";
import enValidation from "./en/validation.json";
import enVerifications from "./en/verifications.json";
import enVisits from "./en/visits.json";
import zhAdmin from "./zh-CN/admin.json";
import zhAdminRules from "./zh-CN/adminRules.json";
import zhAlerts from "./zh-CN/alerts.json";
import zhApp from "./zh-CN/app.json";
import zhAttachments from "./zh-CN/attachments.json";
import zhAuditLog from "./zh-CN/auditLog.json";
import zhAuth from "./zh-CN/auth.json";
import zhCalendar from "./zh-CN/calendar.json";
import zhChainMap from "./zh-CN/chainMap.json";
import zhCommon from "./zh-CN/common.json";
import zhDelegations from "./zh-CN/delegations.json";
import zhDeleted from "./zh-CN/deleted.json";
import zhEnterpriseContacts from "./zh-CN/enterpriseContacts.json";
import zhEnterpriseDetail from "./zh-CN/enterpriseDetail.json";
import zhEnterpriseForm from "./zh-CN/enterpriseForm.json";
import zhEnterpriseList from "./zh-CN/enterpriseList.json";
import zhEnterprisePicker from "./zh-CN/enterprisePicker.json";
import zhEnterprises from "./zh-CN/enterprises.json";
import zhEnterpriseTimeline from "./zh-CN/enterpriseTimeline.json";
import zhErrors from "./zh-CN/errors.json";
import zhEvents from "./zh-CN/events.json";
import zhExport from "./zh-CN/export.json";
import zhFollowUpRules from "./zh-CN/followUpRules.json";
import zhFollowUps from "./zh-CN/followUps.json";
import zhImport from "./zh-CN/import.json";
import zhLanguages from "./zh-CN/languages.json";
import zhMerge from "./zh-CN/merge.json";
import zhMonthlyReport from "./zh-CN/monthlyReport.json";
import zhNav from "./zh-CN/nav.json";
import zhNotifications from "./zh-CN/notifications.json";
import zhPipeline from "./zh-CN/pipeline.json";
import zhProjectRules from "./zh-CN/projectRules.json";
import zhProjects from "./zh-CN/projects.json";
import zhReview from "./zh-CN/review.json";
import zhReviewTabs from "./zh-CN/reviewTabs.json";
import zhRoles from "./zh-CN/roles.json";
import zhSavedViews from "./zh-CN/savedViews.json";
import zhSearch from "./zh-CN/search.json";
import zhTargets from "./zh-CN/targets.json";
import zhUser from "./zh-CN/user.json";
import zhValidation from "./zh-CN/validation.json";
import zhVerifications from "./zh-CN/verifications.json";
import zhVisits from "./zh-CN/visits.json";

const en = {
  admin: enAdmin,
  adminRules: enAdminRules,
  alerts: enAlerts,
  app: enApp,
  attachments: enAttachments,
  auditLog: enAuditLog,
  auth: enAuth,
  calendar: enCalendar,
  chainMap: enChainMap,
  common: enCommon,
  delegations: enDelegations,
  deleted: enDeleted,
  enterpriseContacts: enEnterpriseContacts,
  enterpriseDetail: enEnterpriseDetail,
  enterpriseForm: enEnterpriseForm,
  enterpriseList: enEnterpriseList,
  enterprisePicker: enEnterprisePicker,
  enterprises: enEnterprises,
  enterpriseTimeline: enEnterpriseTimeline,
  errors: enErrors,
  events: enEvents,
  export: enExport,
  followUpRules: enFollowUpRules,
  followUps: enFollowUps,
  import: enImport,
  languages: enLanguages,
  merge: enMerge,
  monthlyReport: enMonthlyReport,
  nav: enNav,
  notifications: enNotifications,
  pipeline: enPipeline,
  projectRules: enProjectRules,
  projects: enProjects,
  review: enReview,
  reviewTabs: enReviewTabs,
  roles: enRoles,
  savedViews: enSavedViews,
  search: enSearch,
  targets: enTargets,
  user: enUser,
  validation: enValidation,
  verifications: enVerifications,
  visits: enVisits,
};
export type Messages = typeof en;

const zhCN: Messages = {
  admin: zhAdmin,
  adminRules: zhAdminRules,
  alerts: zhAlerts,
  app: zhApp,
  attachments: zhAttachments,
  auditLog: zhAuditLog,
  auth: zhAuth,
  calendar: zhCalendar,
  chainMap: zhChainMap,
  common: zhCommon,
  delegations: zhDelegations,
  deleted: zhDeleted,
  enterpriseContacts: zhEnterpriseContacts,
  enterpriseDetail: zhEnterpriseDetail,
  enterpriseForm: zhEnterpriseForm,
  enterpriseList: zhEnterpriseList,
  enterprisePicker: zhEnterprisePicker,
  enterprises: zhEnterprises,
  enterpriseTimeline: zhEnterpriseTimeline,
  errors: zhErrors,
  events: zhEvents,
  export: zhExport,
  followUpRules: zhFollowUpRules,
  followUps: zhFollowUps,
  import: zhImport,
  languages: zhLanguages,
  merge: zhMerge,
  monthlyReport: zhMonthlyReport,
  nav: zhNav,
  notifications: zhNotifications,
  pipeline: zhPipeline,
  projectRules: zhProjectRules,
  projects: zhProjects,
  review: zhReview,
  reviewTabs: zhReviewTabs,
  roles: zhRoles,
  savedViews: zhSavedViews,
  search: zhSearch,
  targets: zhTargets,
  user: zhUser,
  validation: zhValidation,
  verifications: zhVerifications,
  visits: zhVisits,
};

export const catalogues: Record<"en" | "zh-CN", Messages> = { en, "zh-CN": zhCN };
