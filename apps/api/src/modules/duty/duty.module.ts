import { Module } from '@nestjs/common';
import { DutyController } from './duty.controller';
import { DutyRulesService } from './duty-rules.service';
import { DutyService } from './duty.service';

/** Duty records (履职档案): credited events read from the platform's tables, scoring rules, manual entries. */
@Module({
  controllers: [DutyController],
  providers: [DutyService, DutyRulesService],
})
export class DutyModule {}
