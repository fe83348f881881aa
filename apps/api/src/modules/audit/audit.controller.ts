import { Controller } from '@nestjs/common';
import { CoreRoutes } from '@xieshang/contracts';
import { In, Input, Route } from '../../common/route.decorator';
import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Route(CoreRoutes.listAudit)
  list(@Input() { query }: In<typeof CoreRoutes.listAudit>) {
    return this.audit.list(query);
  }
}
