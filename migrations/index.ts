import type { MigrationInterface } from 'typeorm';
import { CreateApiKeys1763900000001 } from './1763900000001-create-api-keys';
import { CreateResolutionSchema1763900000002 } from './1763900000002-create-resolution-schema';
import { CreateImports1763900000003 } from './1763900000003-create-imports';
import { AddStewardshipIndexes1763900000004 } from './1763900000004-add-stewardship-indexes';
import { AddResolveReadFunction1763900000005 } from './1763900000005-add-resolve-read-function';
import { SkipStatisticsOnDocuments1763900000006 } from './1763900000006-skip-statistics-on-documents';
import { AddRecordPlacementFunctions1763900000007 } from './1763900000007-add-record-placement-functions';
import { RememberGenericKeys1763900000008 } from './1763900000008-remember-generic-keys';
import { ReportGenericKeys1763900000009 } from './1763900000009-report-generic-keys';
import { PlanResolveFunctionsOnce1763900000010 } from './1763900000010-plan-resolve-functions-once';
import { ReadKeysInOneQuery1763900000011 } from './1763900000011-read-keys-in-one-query';
import { MobileKeysOnlyCorroborate1763900000012 } from './1763900000012-mobile-keys-only-corroborate';
import { SmallerStatisticsSamples1763900000013 } from './1763900000013-smaller-statistics-samples';
import { LighterRecordWrites1763900000014 } from './1763900000014-lighter-record-writes';
import { DropKeyCustomerIndex1763900000015 } from './1763900000015-drop-key-customer-index';
import { SmallSamplesForIds1763900000016 } from './1763900000016-small-samples-for-ids';
import { NewKeysWithoutConflictCheck1763900000017 } from './1763900000017-new-keys-without-conflict-check';
import { NameWithMobileKeys1763900000018 } from './1763900000018-name-with-mobile-keys';
import { SkipKnownPartialKeys1763900000019 } from './1763900000019-skip-known-partial-keys';
import { ProbeGenericKeys1763900000020 } from './1763900000020-probe-generic-keys';
import { PlaceRecordsInBatches1763900000021 } from './1763900000021-place-records-in-batches';
import { HashedBlockingKeys1763900000022 } from './1763900000022-hashed-blocking-keys';
import { IndexPendingChunks1763900000023 } from './1763900000023-index-pending-chunks';
import { ImportRunningTotals1763900000024 } from './1763900000024-import-running-totals';
import { SetBasedBatchReads1763900000025 } from './1763900000025-set-based-batch-reads';
import { DeferSharedKeyCustomers1763900000026 } from './1763900000026-defer-shared-key-customers';

/** In order. Never edit a committed migration: add a new one. */
export const ALL_MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateApiKeys1763900000001,
  CreateResolutionSchema1763900000002,
  CreateImports1763900000003,
  AddStewardshipIndexes1763900000004,
  AddResolveReadFunction1763900000005,
  SkipStatisticsOnDocuments1763900000006,
  AddRecordPlacementFunctions1763900000007,
  RememberGenericKeys1763900000008,
  ReportGenericKeys1763900000009,
  PlanResolveFunctionsOnce1763900000010,
  ReadKeysInOneQuery1763900000011,
  MobileKeysOnlyCorroborate1763900000012,
  SmallerStatisticsSamples1763900000013,
  LighterRecordWrites1763900000014,
  DropKeyCustomerIndex1763900000015,
  SmallSamplesForIds1763900000016,
  NewKeysWithoutConflictCheck1763900000017,
  NameWithMobileKeys1763900000018,
  SkipKnownPartialKeys1763900000019,
  ProbeGenericKeys1763900000020,
  PlaceRecordsInBatches1763900000021,
  HashedBlockingKeys1763900000022,
  IndexPendingChunks1763900000023,
  ImportRunningTotals1763900000024,
  SetBasedBatchReads1763900000025,
  DeferSharedKeyCustomers1763900000026,
];
