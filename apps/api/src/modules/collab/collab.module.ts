import { Module } from '@nestjs/common';

/** Yjs documents over socket.io (`/collab`): durable update log, compaction, awareness. */
@Module({})
export class CollabModule {}
