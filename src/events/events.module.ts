import { Global, Module } from '@nestjs/common';
import { ChangeEventsController } from './change-events.controller';
import { ChangeEventsService } from './change-events.service';
import { ChangeEventsWriter } from './change-events.writer';
import { HistoryWriter } from '../history/history.writer';

/** The outbox writer and the feed; the history writer rides along as the other audit sink. */
@Global()
@Module({
  controllers: [ChangeEventsController],
  providers: [ChangeEventsService, ChangeEventsWriter, HistoryWriter],
  exports: [ChangeEventsWriter, HistoryWriter],
})
export class EventsModule {}
