import type { QueuePolicy } from "@/lib/notifications/jobs";

/** The queue policy of the job tests: a dead worker's job is taken back after 2 s and retried after 1 s. */
export const TEST_QUEUE_POLICY: QueuePolicy = { retryLimit: 3, retryDelay: 1, retryBackoff: false, expireInSeconds: 2, maintenanceIntervalSeconds: 1 };
