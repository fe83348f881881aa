import { Controller, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CoreRoutes, Health } from '@xieshang/contracts';
import { Route } from '../../common/route.decorator';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Route(CoreRoutes.health)
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    let up = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      // A short statement timeout: a hung database must not hang the health check.
      await Promise.race([this.ds.query('SELECT 1'), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000)))]);
      up = true;
    } catch {
      up = false;
    } finally {
      clearTimeout(timer);
    }
    res.status(up ? 200 : 503);
    return { status: up ? 'ok' : 'degraded', db: up ? 'up' : 'down' };
  }
}
