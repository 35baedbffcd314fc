/** A page's `searchParams` as Next passes them. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** One query value, ignoring repeated keys. */
export const one = (value: string | string[] | undefined): string | undefined =>
  typeof value === "string" ? value : undefined;
