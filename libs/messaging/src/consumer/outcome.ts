// What a handler says about one message. The ReliableConsumer turns it into a commit, a dead letter, or a
// held partition; a handler never commits, seeks or pauses by itself.
import type { IHeaders } from 'kafkajs';
import type { Refusal } from '../contracts/refusal';

export interface ConsumedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
  readonly timestamp: string;
  /** 1 on first delivery to this consumer, 2 after one `retry`… (not kept across restarts). */
  readonly attempt: number;
}

/** Why a message is refused: the contract refusal, or any code and message (no personal values in either). */
export type RejectionReason = Pick<Refusal, 'code' | 'message' | 'issues'> | { readonly code: string; readonly message: string };

export type HandlerOutcome =
  /** Done (or already done: handlers are idempotent): commit. */
  | { readonly outcome: 'processed' }
  /** The message itself is bad and will never succeed: dead-letter it, then commit. */
  | { readonly outcome: 'rejected'; readonly reason: RejectionReason }
  /** Something we depend on failed (Temporal down…): hold the partition, try the same message again later. */
  | { readonly outcome: 'retry'; readonly cause: string };

export type MessageHandler = (message: ConsumedMessage) => Promise<HandlerOutcome>;

export const processed = (): HandlerOutcome => ({ outcome: 'processed' });
export const rejected = (reason: RejectionReason): HandlerOutcome => ({ outcome: 'rejected', reason });
export const retryLater = (cause: string): HandlerOutcome => ({ outcome: 'retry', cause });

/** A refused message with everything needed to keep it and replay it. */
export interface Rejection {
  readonly message: ConsumedMessage;
  readonly reason: RejectionReason;
  /** Epoch ms. */
  readonly rejectedAt: number;
}

/**
 * Called for every rejected message before its offset is committed. It must make the rejection durable
 * (DLQ, rejection store) and resolve only then; if it throws, nothing is committed and the message is
 * retried like a transient failure, so a refused message is never lost.
 */
export type RejectionHook = (rejection: Rejection) => Promise<void>;
