import { Module } from '@nestjs/common';
import { PlanRulesService } from './plan-rules.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/** The annual consultation plan and its organisation rules. PlanRulesService is exported for topic intake. */
@Module({
  controllers: [PlansController],
  providers: [PlansService, PlanRulesService],
  exports: [PlanRulesService],
})
export class PlansModule {}
