import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { runAction } from "@/lib/action-core";
import { appSourceFiles } from "@/test/support/source-files";

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

/** An object literal under casts and parentheses, or null when the expression is something else. */
function literalOf(node: ts.Expression | undefined): ts.ObjectLiteralExpression | null {
  let cur = node;
  while (cur && (ts.isParenthesizedExpression(cur) || ts.isAsExpression(cur) || ts.isSatisfiesExpression(cur) || ts.isTypeAssertionExpression(cur))) cur = cur.expression;
  return cur && ts.isObjectLiteralExpression(cur) ? cur : null;
}

/**
 * The action definitions a file writes out: each object literal given to `action()` (in a file
 * importing it from @/lib/action) or declared as an `ActionDefinition`.
 */
function definitionsIn(sf: ts.SourceFile): ts.ObjectLiteralExpression[] {
  const importsAction = sf.statements.some(
    (st) =>
      ts.isImportDeclaration(st) &&
      (st.moduleSpecifier as ts.StringLiteral).text === "@/lib/action" &&
      Boolean(st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings) && st.importClause.namedBindings.elements.some((e) => e.name.text === "action")),
  );
  const definitions: ts.ObjectLiteralExpression[] = [];
  const visit = (node: ts.Node) => {
    if (importsAction && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "action") {
      const literal = literalOf(node.arguments[0]);
      if (literal) definitions.push(literal);
    }
    if (ts.isVariableDeclaration(node) && node.type && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(sf) === "ActionDefinition") {
      const literal = literalOf(node.initializer);
      if (literal) definitions.push(literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return definitions;
}

/**
 * Every action definition names its `load` step. A spread of another definition carries that
 * one's `load`, which is checked where it is declared.
 */
function missingLoad(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  return definitionsIn(sf)
    .filter((literal) => !literal.properties.some((p) => ts.isSpreadAssignment(p) || (p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === "load")))
    .map((literal) => `${fileName}:${sf.getLineAndCharacterOfPosition(literal.getStart(sf)).line + 1}: action definition without load`);
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

  it("all name their load step", () => {
    const definitions = files.flatMap((f) => definitionsIn(ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true)));
    expect(definitions.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => missingLoad(f, readFileSync(f, "utf8")))).toEqual([]);
  });

  it("the check catches a definition without load", () => {
    const head = `"use server";\nimport { z } from "zod";\nimport { action, noRecord } from "@/lib/action";\n`;
    const run = `async run() { return { data: null, audit: [] }; }`;
    const bare = `${head}export const save = action({ name: "x.save", input: z.object({}), minRole: "staff", ${run} });\n`;
    expect(missingLoad("lib/x/actions/bad.ts", bare)).toHaveLength(1);
    const cast = `${head}export const save = action({ name: "x.save", ${run} } as never);\n`;
    expect(missingLoad("lib/x/actions/bad2.ts", cast)).toHaveLength(1);
    const declared = `import type { ActionDefinition } from "@/lib/action-core";\nexport const saveDefinition: ActionDefinition<never, null> = { name: "x.save", ${run} };\n`;
    expect(missingLoad("lib/x/definitions.ts", declared)).toHaveLength(1);
    const good = `${head}export const save = action({ name: "x.save", input: z.object({}), minRole: "staff", load: noRecord, ${run} });\n`;
    expect(missingLoad("lib/x/actions/good.ts", good)).toEqual([]);
    // A client component calling the action it was handed is not a definition.
    const caller = `"use client";\nexport function Button({ action }: { action: (p: object) => void }) { return action({ id: "1" }); }\n`;
    expect(missingLoad("components/x/button.tsx", caller)).toEqual([]);
  });

  it("are refused at run time when a definition has no load step", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const definition = { name: "x.save", input: z.object({}), minRole: "viewer", run: async () => ({ data: null, audit: [] }) };
    const result = await runAction(definition as never, { viewer: null, db: null as never, t: (key) => key }, {});
    expect(result).toEqual({ ok: false, message: "errors.unexpected" });
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
