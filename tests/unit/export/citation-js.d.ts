/** The part of citation.js (which ships no types) that the export tests use. */
declare module '@citation-js/core' {
  export class Cite {
    static async(data: string, options?: { forceType?: string }): Promise<Cite>;
    /** The records read, as CSL-JSON items. */
    data: Array<Record<string, unknown>>;
  }
}
