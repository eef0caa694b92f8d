// Once, when upgrading from a release that kept stage evidence in a folder (EVIDENCE_DIR, default
// .data/evidence): copies every file a stage change names into the database (evidence_files) and
// clears the name, so every app instance serves it. Migrates first. Safe to run again: a change
// already copied names no file any more. Stop the app first when it runs on PGlite.
//
//   node_modules/.bin/tsx scripts/app/evidence-import.ts [folder]
//
// The folder is the argument, else EVIDENCE_DIR, else .data/evidence. Ends with exit code 1 when a
// named file is missing or is not a PDF, JPEG or PNG of at most 10 MB; those changes keep their name
// (the download answers 404 for them, as it did for a missing file) and can be imported again.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq, isNotNull } from "drizzle-orm";
import { defaultDataDir, openDatabase } from "@/db";
import { stageChanges } from "@/db/schema";
import { EVIDENCE_MAX_BYTES } from "@/lib/evidence/limits";
import { sniffEvidenceType } from "@/lib/evidence/sniff";
import { storeEvidence } from "@/lib/evidence/storage";
import { loadLocalEnv } from "./load-env";

/** How earlier releases named a file: a random id and the extension of its checked type. */
const FILE_NAME = /^[0-9a-f-]{36}\.(pdf|jpg|png)$/;

loadLocalEnv();
const folder = path.resolve(process.argv[2] || process.env.EVIDENCE_DIR || path.join(process.cwd(), ".data", "evidence"));
const database = openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: defaultDataDir() });
const problems: string[] = [];
let copied = 0;
try {
  await database.migrate();
  const named = await database.db
    .select({ id: stageChanges.id, file: stageChanges.evidencePath })
    .from(stageChanges)
    .where(isNotNull(stageChanges.evidencePath));
  console.log(`[landfall] ${named.length} stage change(s) name a file in ${folder}`);
  for (const { id, file } of named) {
    if (!file || !FILE_NAME.test(file)) {
      problems.push(`${id}: "${file}" is not a name the app gave`);
      continue;
    }
    const bytes = await readFile(path.join(folder, file)).then(
      (b) => new Uint8Array(b),
      () => null,
    );
    const type = bytes && bytes.byteLength <= EVIDENCE_MAX_BYTES ? sniffEvidenceType(bytes) : null;
    if (!bytes || !type) {
      problems.push(`${id}: ${file} ${bytes ? "is not a PDF, JPEG or PNG of at most 10 MB" : "is missing"}`);
      continue;
    }
    await database.db.transaction(async (tx) => {
      await storeEvidence(tx, id, { bytes, type });
      await tx.update(stageChanges).set({ evidencePath: null, evidenceType: type, evidenceSize: bytes.byteLength }).where(eq(stageChanges.id, id));
    });
    copied++;
  }
} finally {
  await database.close();
}
console.log(`[landfall] ${copied} evidence file(s) copied into the database`);
for (const line of problems) console.error(`[landfall] not copied: ${line}`);
if (problems.length > 0) process.exitCode = 1;
