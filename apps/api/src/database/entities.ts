import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/members/user.entity';
import { CalendarFeedEntity } from '../modules/calendar/calendar-feed.entity';
import { InvitationEntity } from '../modules/meetings/invitation.entity';
import { MeetingMaterialEntity } from '../modules/meetings/meeting-material.entity';
import { MeetingTypeEntity } from '../modules/meetings/meeting-type.entity';
import { MeetingEntity } from '../modules/meetings/meeting.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { AppSettingEntity } from '../modules/settings/app-setting.entity';
import { SpeechEntity } from '../modules/speeches/speech.entity';
import { CommitteeEntity, DepartmentEntity, SectorEntity } from '../modules/org/org-unit.entity';
import { LiveEventEntity, LiveSessionEntity } from '../modules/live/live-session.entity';
import { SpeakingLogEntity } from '../modules/live/speaking-log.entity';

/** Every entity. Feature issues append theirs here. */
export const ENTITIES = [UserEntity, SectorEntity, CommitteeEntity, DepartmentEntity, SessionEntity, AuditLogEntity,
  AppSettingEntity, MeetingTypeEntity, MeetingEntity, MeetingMaterialEntity, InvitationEntity, SpeechEntity, CalendarFeedEntity, NotificationEntity,
  LiveSessionEntity, LiveEventEntity, SpeakingLogEntity,
];
