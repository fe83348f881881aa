import { Module } from '@nestjs/common';
import { SystemGateway } from './system.gateway';
import { UserPush } from './user-push';

@Module({ providers: [SystemGateway, UserPush], exports: [UserPush] })
export class RealtimeModule {}
