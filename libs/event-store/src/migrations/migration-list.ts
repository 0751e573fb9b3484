import type { MigrationInterface } from 'typeorm';
import { CreateEventLog1763880000000 } from './1763880000000-create-event-log';
import { CreateSubscriptionCheckpoints1763880000001 } from './1763880000001-create-subscription-checkpoints';
import { CreateCaseReadModels1763880000002 } from './1763880000002-create-case-read-models';
import { VersionFromLog1763880000003 } from './1763880000003-version-from-log';
import { CreateHotlineRejections1763880000004 } from './1763880000004-create-hotline-rejections';
import { CreateIdempotencyKeys1763880000006 } from './1763880000006-create-idempotency-keys';
import { AddSupervisionColumns1763880000007 } from './1763880000007-add-supervision-columns';
import { CreateCaseSearchTerms1763880000008 } from './1763880000008-create-case-search-terms';
import { WorklistOrderIndexes1763880000009 } from './1763880000009-worklist-order-indexes';
import { CreateCaseReadAudit1763880000010 } from './1763880000010-create-case-read-audit';
import { AddCaseSharedWith1763880000011 } from './1763880000011-add-case-shared-with';
import { CreateDataKeys1763880000020 } from './1763880000020-create-data-keys';
import { AddStuckTriggers1763880000050 } from './1763880000050-add-stuck-triggers';
import { SealReadAuditReason1763880000120 } from './1763880000120-seal-read-audit-reason';
import { KeyedIdempotencyHashes1763880000121 } from './1763880000121-keyed-idempotency-hashes';
import { LinkRejectionsToReportedCase1763880000122 } from './1763880000122-link-rejections-to-reported-case';
import { NotifyCaseListChanges1763880000200 } from './1763880000200-notify-case-list-changes';
import { CreateStaffDirectory1763880000210 } from './1763880000210-create-staff-directory';

/**
 * Every migration of the project's database, oldest first. Listed by class rather than found by a file glob,
 * so the same list works from sources (tests) and from dist/ (the `migrate` CLI) and hashes to the same value.
 */
export const MIGRATIONS: ReadonlyArray<new () => MigrationInterface> = [
  CreateEventLog1763880000000,
  CreateSubscriptionCheckpoints1763880000001,
  CreateCaseReadModels1763880000002,
  VersionFromLog1763880000003,
  CreateHotlineRejections1763880000004,
  CreateIdempotencyKeys1763880000006,
  AddSupervisionColumns1763880000007,
  CreateCaseSearchTerms1763880000008,
  WorklistOrderIndexes1763880000009,
  CreateCaseReadAudit1763880000010,
  AddCaseSharedWith1763880000011,
  CreateDataKeys1763880000020,
  AddStuckTriggers1763880000050,
  SealReadAuditReason1763880000120,
  KeyedIdempotencyHashes1763880000121,
  LinkRejectionsToReportedCase1763880000122,
  NotifyCaseListChanges1763880000200,
  CreateStaffDirectory1763880000210,
];
