import { Controller } from '@nestjs/common';
import { TopicRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { TopicCallsService } from './topic-calls.service';
import { TopicScreeningService } from './topic-screening.service';
import { TopicsService } from './topics.service';

@Controller()
export class TopicsController {
  constructor(
    private readonly topics: TopicsService,
    private readonly screening: TopicScreeningService,
    private readonly calls: TopicCallsService,
  ) {}

  @Route(TopicRoutes.listTopicCalls)
  listCalls() {
    return this.calls.list();
  }

  @Route(TopicRoutes.createTopicCall)
  createCall(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof TopicRoutes.createTopicCall>) {
    return this.calls.create(s.user, body);
  }

  @Route(TopicRoutes.updateTopicCall)
  updateCall(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof TopicRoutes.updateTopicCall>) {
    return this.calls.update(s.user, params.id, body);
  }

  @Route(TopicRoutes.createTopic)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof TopicRoutes.createTopic>) {
    return this.topics.create(s.user, body);
  }

  @Route(TopicRoutes.myTopics)
  mine(@CurrentSession() s: AuthenticatedSession) {
    return this.topics.mine(s.user);
  }

  @Route(TopicRoutes.listTopics)
  list(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof TopicRoutes.listTopics>) {
    return this.topics.list(s.user, query);
  }

  // Before /topics/:id routes only for readers: the methods differ, nothing collides.
  @Route(TopicRoutes.bulkTransitionTopics)
  bulk(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof TopicRoutes.bulkTransitionTopics>) {
    return this.screening.bulk(s.user, body);
  }

  @Route(TopicRoutes.getTopic)
  get(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof TopicRoutes.getTopic>) {
    return this.topics.get(s.user, params.id);
  }

  @Route(TopicRoutes.updateTopic)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof TopicRoutes.updateTopic>) {
    return this.topics.update(s.user, params.id, body);
  }

  @Route(TopicRoutes.transitionTopic)
  transition(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof TopicRoutes.transitionTopic>) {
    return this.screening.transition(s.user, params.id, body);
  }

  @Route(TopicRoutes.similarTopics)
  similar(@Input() { params, query }: In<typeof TopicRoutes.similarTopics>) {
    return this.screening.similar(params.id, query.limit);
  }

  @Route(TopicRoutes.replyCoSign)
  coSign(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof TopicRoutes.replyCoSign>) {
    return this.topics.replyCoSign(s.user, params.id, body);
  }

  @Route(TopicRoutes.supportTopic)
  support(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof TopicRoutes.supportTopic>) {
    return this.topics.support(s.user, params.id, true);
  }

  @Route(TopicRoutes.withdrawSupport)
  withdrawSupport(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof TopicRoutes.withdrawSupport>) {
    return this.topics.support(s.user, params.id, false);
  }
}
