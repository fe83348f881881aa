import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RouteGuard } from '../../common/route.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: RouteGuard }],
  exports: [AuthService],
})
export class AuthModule {}
