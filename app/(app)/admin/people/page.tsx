import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DeactivateUser, ReactivateUser } from "@/components/admin/admin-buttons";
import { AdminForm } from "@/components/admin/admin-form";
import { getDb } from "@/db";
import { ROLES } from "@/db/enums";
import { listPeopleForAdmin, listTeamsForAdmin } from "@/lib/admin/queries";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { setUserRole, setUserTeam } from "@/lib/users/actions/set-user-access";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("admin.tabs");
  return { title: t("people") };
}

export default async function AdminPeoplePage() {
  const viewer = await requireViewer();
  // The layout answers 404 too, but pages render alongside it.
  if (viewer.role !== "admin") notFound();
  const db = await getDb();
  const [people, teamRows, t, roles, locale] = await Promise.all([listPeopleForAdmin(db, viewer), listTeamsForAdmin(db, viewer), getTranslations("admin"), getTranslations("roles"), getLocale()]);
  const teamOptions = [{ value: "", label: t("people.noTeam") }, ...teamRows.map((team) => ({ value: team.id, label: primaryName(team, locale).first }))];
  const roleOptions = ROLES.map((r) => ({ value: r, label: roles(r) }));

  return (
    <ClientMessages namespaces={["admin", "enterpriseForm.conflict"]}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("tabs.people")}</h1>
        <ul className="space-y-3">
          {people.map((p) => {
            const name = p.name ?? p.email;
            const self = p.id === viewer.id;
            return (
              <li key={p.id} aria-label={name} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium">
                    {name} <span className="text-sm font-normal text-slate-500">{p.email}</span>
                    {self ? <span className="ml-2 rounded bg-brand-50 px-1.5 text-xs text-brand-700">{t("people.you")}</span> : null}
                  </p>
                  <p className={`text-sm ${p.deactivatedAt ? "text-red-700" : "text-slate-600"}`}>{p.deactivatedAt ? t("people.deactivated") : t("people.active")}</p>
                </div>
                {/* An admin cannot change their own role or deactivate themselves (the actions refuse too). */}
                <div className="grid gap-3 sm:grid-cols-2">
                  {self ? (
                    <p className="text-sm text-slate-600">{t("people.role")}: {roles(p.role)}</p>
                  ) : (
                    <AdminForm id={`role-${p.id}`} title={t("people.setRole", { name })} run={setUserRole} hidden={{ userId: p.id }} version={p.version} fields={[{ name: "role", label: t("people.role"), type: "select", defaultValue: p.role, options: roleOptions }]} submit={t("save")} />
                  )}
                  <AdminForm id={`team-${p.id}`} title={t("people.setTeam", { name })} run={setUserTeam} hidden={{ userId: p.id }} version={p.version} fields={[{ name: "teamId", label: t("people.team"), type: "select", defaultValue: p.teamId ?? "", options: teamOptions }]} submit={t("save")} />
                </div>
                <Link href={`/review/people/${p.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline sm:min-h-0">
                  {t("reassign.open", { name })}
                </Link>
                {!self && !p.deactivatedAt ? <DeactivateUser userId={p.id} name={name} /> : null}
                {p.deactivatedAt ? <ReactivateUser userId={p.id} name={name} /> : null}
              </li>
            );
          })}
        </ul>
      </div>
    </ClientMessages>
  );
}
