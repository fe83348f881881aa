import { Module } from '@nestjs/common';

/** Duty records (履职档案): credited events, scoring rules, scores. */
@Module({})
export class DutyModule {}
