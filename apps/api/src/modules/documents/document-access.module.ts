import { Module } from '@nestjs/common';
import { DocumentAccessService } from './document-access.service';

/** Who may do what with a document: used by the documents REST module and the collab gateway alike. */
@Module({ providers: [DocumentAccessService], exports: [DocumentAccessService] })
export class DocumentAccessModule {}
