import { Controller, Req } from '@nestjs/common';
import { TopicRoutes } from '@xieshang/contracts';
import { AppRequest, clientIp } from '../../common/request';
import { In, Input, Route } from '../../common/route.decorator';
import { TopicCallsService } from './topic-calls.service';

/** No login: the public call form and the status page a visitor bookmarks. */
@Controller()
export class PublicTopicsController {
  constructor(private readonly calls: TopicCallsService) {}

  @Route(TopicRoutes.listOpenTopicCalls)
  listOpen() {
    return this.calls.listOpen();
  }

  @Route(TopicRoutes.getPublicTopicCall)
  getCall(@Input() { params }: In<typeof TopicRoutes.getPublicTopicCall>) {
    return this.calls.getPublic(params.id);
  }

  @Route(TopicRoutes.submitPublicTopic)
  submit(@Req() req: AppRequest, @Input() { params, body }: In<typeof TopicRoutes.submitPublicTopic>) {
    return this.calls.submit(params.id, body, clientIp(req));
  }

  @Route(TopicRoutes.getPublicTopicStatus)
  status(@Input() { params }: In<typeof TopicRoutes.getPublicTopicStatus>) {
    return this.calls.status(params.publicId);
  }
}
