import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { LiveSpeakerEventsModule } from '../live/live-speaker-events';
import { DocumentAccessModule } from './document-access.module';
import { DocumentCommentsService } from './document-comments.service';
import { DocumentExportService } from './document-export.service';
import { DocumentMembersService } from './document-members.service';
import { DocumentVersionsService } from './document-versions.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { MinutesService } from './minutes/minutes.service';

/** Co-authored documents: access, states, versions, comments, minutes template and speaking log, export. */
@Module({
  imports: [CollabModule, DocumentAccessModule, LiveSpeakerEventsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentMembersService, DocumentVersionsService, DocumentCommentsService, DocumentExportService, MinutesService],
  exports: [DocumentsService, MinutesService],
})
export class DocumentsModule {}
