import { Module } from '@nestjs/common';

/** Co-authored documents: access, states, versions, comments, minutes template, export. */
@Module({})
export class DocumentsModule {}
