import { Controller } from '@nestjs/common';
import { CoreRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { OrgService } from './org.service';

@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Route(CoreRoutes.listOrgUnits)
  list(@Input() { params }: In<typeof CoreRoutes.listOrgUnits>) {
    return this.org.list(params.kind);
  }

  @Route(CoreRoutes.createOrgUnit)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof CoreRoutes.createOrgUnit>) {
    return this.org.create(s.user.id, params.kind, body);
  }

  @Route(CoreRoutes.updateOrgUnit)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof CoreRoutes.updateOrgUnit>) {
    return this.org.update(s.user.id, params.kind, params.id, body);
  }

  @Route(CoreRoutes.deleteOrgUnit)
  async remove(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof CoreRoutes.deleteOrgUnit>) {
    await this.org.remove(s.user.id, params.kind, params.id);
    return { ok: true as const };
  }
}
