import { useQuery } from '@tanstack/react-query';
import { MeetingRoutes } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { safeTimeZone } from '../meetings/time';

export const SETTINGS_KEY = ['settings'] as const;

/** Organisation settings (time zone, Jitsi base URL, holiday calendar); every logged-in user may read them. */
export function useOrgSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => api(MeetingRoutes.getSettings, { signal }), staleTime: 10 * 60_000 });
}

/** The zone meetings are shown in; the default until the settings arrive or when they fail. */
export function useOrgTimeZone(): string {
  const { data } = useOrgSettings();
  return safeTimeZone(data?.timeZone);
}
