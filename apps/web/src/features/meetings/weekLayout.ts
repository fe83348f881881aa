import type { MeetingSummary } from '@xieshang/contracts';
import { addDays, wallToUtc } from './time';

export interface PlacedMeeting {
  meeting: MeetingSummary;
  /** minutes from the day's midnight, clipped to the day */
  startMin: number;
  endMin: number;
  lane: number;
  lanes: number;
}

/**
 * Place one day's meetings on the time axis. Overlapping meetings share the column side by side:
 * each cluster of overlaps gets as many lanes as it needs at its busiest.
 */
export function layoutDay(day: string, meetings: readonly MeetingSummary[], timeZone: string): PlacedMeeting[] {
  const dayStart = Date.parse(wallToUtc(`${day} 00:00`, timeZone));
  const dayEnd = Date.parse(wallToUtc(`${addDays(day, 1)} 00:00`, timeZone));
  const dayMinutes = Math.round((dayEnd - dayStart) / 60_000);
  const items = meetings
    .map((meeting) => ({
      meeting,
      startMin: Math.max(0, Math.round((Date.parse(meeting.startsAt) - dayStart) / 60_000)),
      endMin: Math.min(dayMinutes, Math.round((Date.parse(meeting.endsAt) - dayStart) / 60_000)),
      lane: 0,
      lanes: 1,
    }))
    .filter((p) => p.endMin > 0 && p.startMin < dayMinutes)
    .sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);

  let cluster: PlacedMeeting[] = [];
  let clusterEnd = -1;
  const laneEnds: number[] = [];
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
    laneEnds.length = 0;
  };
  for (const p of items) {
    if (p.startMin >= clusterEnd && cluster.length > 0) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= p.startMin);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = p.endMin;
    p.lane = lane;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, p.endMin);
  }
  if (cluster.length > 0) closeCluster();
  return items;
}

/** The hours the grid shows: office hours, widened to fit every meeting of the week. */
export function visibleHours(placed: readonly PlacedMeeting[], from = 8, to = 19): [number, number] {
  let first = from;
  let last = to;
  for (const p of placed) {
    first = Math.min(first, Math.floor(p.startMin / 60));
    last = Math.max(last, Math.ceil(p.endMin / 60));
  }
  return [Math.max(0, first), Math.min(24, last)];
}
