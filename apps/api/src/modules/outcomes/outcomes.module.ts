import { Module } from '@nestjs/common';
import { AssignmentsService } from './assignments.service';
import { OutcomeRemindersService } from './outcome-reminders.service';
import { OutcomeStatsService } from './outcome-stats.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

/** Outcomes to the end: reports, instructions, department assignments and feedback, overdue reminders, dashboard, public page. */
@Module({
  controllers: [OutcomesController],
  providers: [OutcomesService, AssignmentsService, OutcomeStatsService, OutcomeRemindersService],
  exports: [OutcomeRemindersService],
})
export class OutcomesModule {}
