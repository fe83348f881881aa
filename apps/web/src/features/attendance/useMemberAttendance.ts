import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MeetingRoutes, type MemberAttendance } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { attendanceKeys } from './queryKeys';

export interface AttendanceFilter {
  year: number;
  sectorId?: string;
  committeeId?: string;
}

const FETCH_PAGE = 200;

/**
 * Every member's row for the year. The api pages but does not sort, and a committee has a few
 * hundred members at most, so the whole year is fetched (200 a request) and sorted and paged here.
 */
export function useMemberAttendance(filter: AttendanceFilter) {
  return useQuery({
    queryKey: [...attendanceKeys.memberAttendance, filter],
    queryFn: async ({ signal }) => {
      const rows: MemberAttendance[] = [];
      for (let page = 1; ; page++) {
        const res = await api(MeetingRoutes.memberAttendance, { query: { ...filter, page, pageSize: FETCH_PAGE }, signal });
        rows.push(...res.items);
        if (res.items.length === 0 || rows.length >= res.total) return rows;
      }
    },
    placeholderData: keepPreviousData,
  });
}

export const SORT_KEYS = ['name', 'sectorName', 'invited', 'present', 'excused', 'absent', 'rate'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  desc: boolean;
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/** Text by pinyin (the order Chinese offices expect), numbers by size; ties by name. */
export function sortAttendance(rows: MemberAttendance[], { key, desc }: Sort): MemberAttendance[] {
  const dir = desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const av = a[key];
    const bv = b[key];
    const primary = typeof av === 'number' && typeof bv === 'number' ? av - bv : collator.compare(String(av ?? ''), String(bv ?? ''));
    return primary * dir || collator.compare(a.name, b.name);
  });
}
