/** ISO 3166 codes offered in the form; the column accepts any two-letter code. */
export const COUNTRIES = ["CN", "HK", "MO", "TW", "DE", "IT", "FR", "GB", "NL", "AT", "LU", "ES", "CH", "SE", "US", "JP", "KR", "SG"] as const;
