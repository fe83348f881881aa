import { z } from 'zod';
import { text, optionalText } from './common';

/** Sector (界别), special committee (专委会) and department (承办单位) share one shape. */
export const OrgUnitInput = z.strictObject({
  name: text(100),
  shortName: optionalText(30),
  description: optionalText(2000),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  /** committees only: the head (主任) who decides leave for the committee's own activities */
  headId: z.uuid().nullable().optional(),
});
export type OrgUnitInput = z.infer<typeof OrgUnitInput>;
export const OrgUnitPatch = OrgUnitInput.partial();

export const OrgUnit = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  memberCount: z.number().int(),
  /** committees: the head's user id and name; always null for sectors and departments */
  headId: z.uuid().nullable(),
  headName: z.string().nullable(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const ORG_KINDS = ['sectors', 'committees', 'departments'] as const;
export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;
