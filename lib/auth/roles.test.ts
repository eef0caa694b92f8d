import { describe, expect, it } from "vitest";
import { atLeast, emailDomainAllowed, parseRoleMap, roleFromClaims } from "./roles";

const roleMap = parseRoleMap("landfall-admins=admin, landfall-managers=manager,landfall-staff=staff");

describe("roles from the identity provider", () => {
  it("names first admins by e-mail, whatever their groups", () => {
    expect(roleFromClaims({ email: "Admin@Landfall.example", groups: [], roleMap, adminEmails: ["admin@landfall.example"] })).toBe("admin");
  });

  it("takes the highest mapped group and ignores unknown ones", () => {
    expect(roleFromClaims({ email: "a@x", groups: ["other", "landfall-staff", "landfall-managers"], roleMap, adminEmails: [] })).toBe("manager");
    expect(roleFromClaims({ email: "a@x", groups: ["other"], roleMap, adminEmails: [] })).toBeNull();
    expect(roleFromClaims({ email: "a@x", groups: "landfall-staff", roleMap, adminEmails: [] })).toBeNull();
  });

  it("refuses a role map naming an unknown role", () => {
    expect(() => parseRoleMap("g=superuser")).toThrow(/superuser/);
  });

  it("allows only the configured e-mail domains", () => {
    expect(emailDomainAllowed("staff@Landfall.example", ["landfall.example"])).toBe(true);
    expect(emailDomainAllowed("x@partner.example", ["landfall.example"])).toBe(false);
    expect(emailDomainAllowed("x@evil.landfall.example", ["landfall.example"])).toBe(false);
    expect(emailDomainAllowed("no-at-sign", ["landfall.example"])).toBe(false);
  });

  it("orders roles", () => {
    expect(atLeast("manager", "staff")).toBe(true);
    expect(atLeast("viewer", "staff")).toBe(false);
  });
});
