import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { getDb } from "@/db";
import { createTeam, renameTeam } from "@/lib/admin/actions/reference-data";
import { setTeamWebhook } from "@/lib/admin/actions/team-webhook";
import { listTeamsForAdmin } from "@/lib/admin/queries";
import { requireViewer } from "@/lib/auth/session";
import { WEBHOOK_FORMATS } from "@/lib/notifications/channels";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("admin.tabs");
  return { title: t("teams") };
}

/** Where a robot's address points, without its key: enough to tell which robot it is. */
function hostOf(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

export default async function AdminTeamsPage() {
  const viewer = await requireViewer();
  // The layout answers 404 too, but pages render alongside it.
  if (viewer.role !== "admin") notFound();
  const db = await getDb();
  const [rows, t] = await Promise.all([listTeamsForAdmin(db, viewer), getTranslations("admin")]);
  // A team without a robot of its own posts to the deployment's, when there is one.
  const deploymentRobot = Boolean(process.env.WEBHOOK_URL?.trim());
  const nameFields = (zh = "", en = "") => [
    { name: "nameZh", label: t("nameZh"), defaultValue: zh },
    { name: "nameEn", label: t("nameEn"), defaultValue: en },
  ];
  return (
    <ClientMessages namespaces={["admin", "enterpriseForm.conflict"]}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("tabs.teams")}</h1>
        {rows.length === 0 ? <p className="text-sm text-slate-600">{t("teams.empty")}</p> : null}
        <ul className="space-y-3">
          {rows.map((team) => (
            <li key={team.id} aria-label={team.nameZh} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-medium">{team.nameZh} · {team.nameEn} <span className="text-xs text-slate-500">{team.code}</span></p>
              <details>
                <summary className="cursor-pointer text-sm text-brand-700">{t("rename")}</summary>
                <AdminForm id={`team-${team.id}`} title={`${t("rename")} ${team.nameZh}`} run={renameTeam} hidden={{ id: team.id }} version={team.version} fields={nameFields(team.nameZh, team.nameEn)} submit={t("save")} className="pt-2" />
              </details>
              <p className="text-sm text-slate-600" data-testid="team-robot">
                {team.webhookUrl ? t("teams.robotSet", { kind: t(`teams.robotKinds.${team.webhookFormat ?? "wecom"}`), host: hostOf(team.webhookUrl) }) : deploymentRobot ? t("teams.robotDeployment") : t("teams.robotNone")}
              </p>
              <details>
                <summary className="cursor-pointer text-sm text-brand-700">{t("teams.robot")}</summary>
                <AdminForm
                  id={`robot-${team.id}`}
                  title={`${t("teams.robot")} ${team.nameZh}`}
                  run={setTeamWebhook}
                  hidden={{ id: team.id }}
                  version={team.version}
                  fields={[
                    { name: "webhookUrl", label: t("teams.robotUrl"), defaultValue: team.webhookUrl ?? "", hint: t("teams.robotUrlHint") },
                    { name: "webhookFormat", label: t("teams.robotKind"), type: "select", defaultValue: team.webhookFormat ?? "wecom", options: WEBHOOK_FORMATS.map((f) => ({ value: f, label: t(`teams.robotKinds.${f}`) })) },
                  ]}
                  submit={t("save")}
                  className="pt-2"
                />
              </details>
            </li>
          ))}
        </ul>
        <section aria-labelledby="new-team" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-team" className="text-lg font-semibold">{t("teams.newTeam")}</h2>
          <AdminForm id="new-team-form" title={t("teams.newTeam")} run={createTeam} fields={[{ name: "code", label: t("code"), hint: t("codeHint") }, ...nameFields()]} submit={t("save")} />
        </section>
      </div>
    </ClientMessages>
  );
}
