// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set without I, O, Z, S
// and V; the 18th is a check character computed from the first 17.

/** The characters a code may use, in the order of their values 0–30. */
export const CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** 18 characters of the set: the shape a code must have before its check character is judged. */
export const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for 17 characters of the set, or null when they are not that. */
export function creditCodeCheckCharacter(base: string): string | null {
  if (base.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARACTERS.indexOf(base[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

/** A full code from the first 17 characters, e.g. for generated test and demo data. */
export function withCreditCodeCheck(base: string): string {
  const check = creditCodeCheckCharacter(base);
  if (check === null) throw new Error(`not 17 credit-code characters: ${base}`);
  return base + check;
}

/** True when the code has the 18 characters of the set and the right check character. */
export function isValidCreditCode(code: string): boolean {
  return CREDIT_CODE_SHAPE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}
