import { ApiKeyEntity } from '../auth/api-key.entity';
import { CustomerEntity } from '../customers/customer.entity';
import { SourceRecordEntity } from '../customers/source-record.entity';
import { ChangeEventEntity } from '../events/change-event.entity';
import { CustomerHistoryEntity } from '../history/customer-history.entity';
import { ImportChunkEntity } from '../imports/import-chunk.entity';
import { ImportErrorEntity } from '../imports/import-error.entity';
import { ImportRowOutcomeEntity } from '../imports/import-row-outcome.entity';
import { ImportEntity } from '../imports/import.entity';
import { BlockingKeyEntity } from '../resolution/blocking-key.entity';
import { MatchExclusionEntity } from '../review/match-exclusion.entity';
import { ReviewItemEntity } from '../review/review-item.entity';

/** Every entity the data source knows; the migrations must create exactly these tables. */
export const ENTITIES = [
  ApiKeyEntity,
  CustomerEntity,
  SourceRecordEntity,
  BlockingKeyEntity,
  ReviewItemEntity,
  MatchExclusionEntity,
  CustomerHistoryEntity,
  ChangeEventEntity,
  ImportEntity,
  ImportChunkEntity,
  ImportErrorEntity,
  ImportRowOutcomeEntity,
];
