import { Module } from '@nestjs/common';
import { DocumentAccessModule } from '../documents/document-access.module';
import { CollabDocStore } from './collab-doc-store';
import { CollabGateway } from './collab.gateway';

/**
 * Yjs documents over socket.io (`/collab`): durable update log, compaction, awareness, fan-out across instances.
 * Exports CollabDocStore for the documents module (state, applyServerChange, broadcast, accessChanged).
 */
@Module({
  imports: [DocumentAccessModule],
  providers: [CollabDocStore, CollabGateway],
  exports: [CollabDocStore],
})
export class CollabModule {}
