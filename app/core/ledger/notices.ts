/** Notices that only describe a source read as it should be: "gzip, 1 member", "decoded as UTF-16LE", "HAR, 12 entries, 3 with provider errors". */
const INFORMATION = /^(gzip, \d+ members?|decoded as .+|HAR, \d+ entries, .+)$/;

/** Whether a ledger's notice only describes a source read as it should be (the others say something was lost or set aside). */
export function isInformationNotice(notice: string): boolean {
  return INFORMATION.test(notice);
}
