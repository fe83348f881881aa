import { z } from 'zod';
import { text, optionalText } from './common';

/** Sector (界别), special committee (专委会) and department (承办单位) share one shape. */
export const OrgUnitInput = z.strictObject({
  name: text(100),
  shortName: optionalText(30),
  description: optionalText(2000),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
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
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const ORG_KINDS = ['sectors', 'committees', 'departments'] as const;
export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;
