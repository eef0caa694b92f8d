// A Landfall instance's job worker alone, in a process of its own, for the test that kills it
// mid-run (lib/notifications/jobs.test.ts): the server database from DATABASE_URL, e-mail through
// SMTP_URL, and a queue policy short enough for a test. Prints "ready" once it takes jobs.
import { openDatabase } from "@/db";
import { channelsFromEnv } from "@/lib/notifications/channels";
import { startServerJobs } from "@/lib/notifications/jobs";
import { TEST_QUEUE_POLICY } from "./job-policy";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const database = openDatabase({ url });
await startServerJobs(url, database.db, channelsFromEnv(), { digestCron: "30 8 * * *", timeZone: "Asia/Shanghai" }, TEST_QUEUE_POLICY);
console.log("ready");
