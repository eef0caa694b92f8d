import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { appSourceFiles } from "@/lib/testing/source-files";

function hasDirective(sf: ts.SourceFile, directive: string) {
  const first = sf.statements[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === directive);
}

/** Every export of a "use server" file must be `export const x = action({...})`. */
function bareExports(sf: ts.SourceFile): string[] {
  const problems: string[] = [];
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(st) || ts.isExportAssignment(st)) {
      problems.push(`${sf.fileName}: re-export or default export`);
    } else if (exported && ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        const wrapped = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "action";
        if (!wrapped) problems.push(`${sf.fileName}: ${d.name.getText(sf)} is not built with action()`);
      }
    } else if (exported && !ts.isInterfaceDeclaration(st) && !ts.isTypeAliasDeclaration(st)) {
      problems.push(`${sf.fileName}: exported ${ts.SyntaxKind[st.kind]} is not built with action()`);
    }
  }
  const importsAction = sf.statements.some(
    (st) => ts.isImportDeclaration(st) && (st.moduleSpecifier as ts.StringLiteral).text === "@/lib/action",
  );
  if (!importsAction && problems.length === 0 && sf.statements.length > 1) problems.push(`${sf.fileName}: does not import @/lib/action`);
  return problems;
}

function check(fileName: string, text: string) {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const problems = hasDirective(sf, "use server") ? bareExports(sf) : [];
  // Inline "use server" inside a function would create an action outside the wrapper.
  const inline = text.split("\n").slice(1).some((line) => /^\s+["']use server["'];?\s*$/.test(line));
  if (inline) problems.push(`${fileName}: inline "use server" function`);
  return problems;
}

describe("server actions", () => {
  const files = appSourceFiles();
  const actionFiles = files.filter((f) => hasDirective(ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest), "use server"));

  it("are all built with the action wrapper", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    expect(files.flatMap((f) => check(f, readFileSync(f, "utf8")))).toEqual([]);
  });

  it("the check catches a bare exported action", () => {
    const bare = `"use server";\nimport { db } from "@/db";\nexport async function deleteAll() { await db.delete(); }\n`;
    expect(check("lib/x/actions/bad.ts", bare)).toHaveLength(1);
    const arrow = `"use server";\nimport { action } from "@/lib/action";\nexport const sneaky = async () => 1;\n`;
    expect(check("lib/x/actions/bad2.ts", arrow)).toHaveLength(1);
    const inline = `export function Page() {\n  async function save() {\n    "use server";\n  }\n}\n`;
    expect(check("app/page.tsx", inline)).toHaveLength(1);
    const good = `"use server";\nimport { action } from "@/lib/action";\nexport const ok = action({} as never);\n`;
    expect(check("lib/x/actions/good.ts", good)).toEqual([]);
  });
});
