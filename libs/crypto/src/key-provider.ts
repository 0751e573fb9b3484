// The port behind which master keys live (a local file in development; a KMS or HSM in a deployment). A master
// key never leaves its provider in this interface's terms: callers hand it data keys to wrap and unwrap.

export interface WrappedKey {
  /** Which master key wrapped it (so rotation knows what is left to re-wrap). */
  readonly masterKeyId: string;
  readonly wrapped: Buffer;
}

export interface KeyProvider {
  /** The master key new data keys are wrapped with. */
  currentMasterKeyId(): string;
  wrap(dataKey: Buffer, aad: string): Promise<WrappedKey>;
  /** Unwraps with the master key that wrapped it (old master keys still unwrap until rotation finishes). */
  unwrap(key: WrappedKey, aad: string): Promise<Buffer>;
}
