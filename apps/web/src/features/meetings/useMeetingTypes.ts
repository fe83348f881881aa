import { useQuery } from '@tanstack/react-query';
import { MeetingRoutes, type Locale, type MeetingSummary, type MeetingType } from '@xieshang/contracts';
import { api } from '../../lib/api';

export const MEETING_TYPES_KEY = ['meeting-types'] as const;

export function useMeetingTypes(enabled = true) {
  return useQuery({
    queryKey: MEETING_TYPES_KEY,
    queryFn: ({ signal }) => api(MeetingRoutes.listMeetingTypes, { signal }),
    select: (types) => [...types].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** A type's name in the UI language. */
export function typeName(t: Pick<MeetingType, 'nameZh' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' ? t.nameEn || t.nameZh : t.nameZh || t.nameEn;
}

/** The type name carried by a meeting summary. */
export function meetingTypeName(m: Pick<MeetingSummary, 'typeNameZh' | 'typeNameEn'>, locale: Locale): string {
  return typeName({ nameZh: m.typeNameZh, nameEn: m.typeNameEn }, locale);
}
