import { Module } from '@nestjs/common';
import { PublicTopicsController } from './public-topics.controller';
import { TopicCallsService } from './topic-calls.service';
import { TopicScreeningService } from './topic-screening.service';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

/**
 * Topics (flow 1). Exports TopicScreeningService for the plans module: `apply(manager, actor, id,
 * {action: 'select' | 'deselect' | 'not_select'})` inside the plan's own transaction.
 */
@Module({
  controllers: [PublicTopicsController, TopicsController],
  providers: [TopicsService, TopicScreeningService, TopicCallsService],
  exports: [TopicsService, TopicScreeningService],
})
export class TopicsModule {}
