import { Module } from '@nestjs/common';

/** Outcomes to the end: reports, instructions, department assignments and feedback. */
@Module({})
export class OutcomesModule {}
