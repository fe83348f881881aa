import { Controller } from '@nestjs/common';
import { MeetingRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { SettingsService } from './settings.service';

@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Route(MeetingRoutes.getSettings)
  get() {
    return this.settings.get();
  }

  @Route(MeetingRoutes.updateSettings)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof MeetingRoutes.updateSettings>) {
    return this.settings.update(s.user, body);
  }
}
