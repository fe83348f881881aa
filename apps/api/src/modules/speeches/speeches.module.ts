import { Module } from '@nestjs/common';
import { SpeechesController } from './speeches.controller';
import { SpeechesService } from './speeches.service';

/** Arranged speeches; SpeechesService.oralSpeechesInOrder gives the live module its opening queue. */
@Module({ controllers: [SpeechesController], providers: [SpeechesService], exports: [SpeechesService] })
export class SpeechesModule {}
