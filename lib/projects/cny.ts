import { sql, type SQL } from "drizzle-orm";
import { exchangeRates } from "@/db/schema";
import { shanghaiDaySql } from "@/lib/sql";

/**
 * CNY per unit of `currency`: 1 for CNY, else the latest rate valid on or before today.
 * Null when no rate is known; such amounts are left out of CNY totals.
 */
export function rateToCny(currency: SQL | unknown): SQL {
  return sql`(case when ${currency} = 'CNY' then 1::numeric else (
    select ${exchangeRates.rateToCny} from ${exchangeRates}
    where ${exchangeRates.currency} = ${currency} and ${exchangeRates.validFrom} <= ${shanghaiDaySql()}
      and ${exchangeRates.deletedAt} is null
    order by ${exchangeRates.validFrom} desc limit 1) end)`;
}

/** An amount converted to CNY and rounded to the fen, as exact numeric text. */
export function cnyAmount(amount: unknown, currency: unknown): SQL<string | null> {
  return sql<string | null>`round(${amount} * ${rateToCny(currency)}, 2)::text`;
}
