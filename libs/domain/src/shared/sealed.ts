// Personal data travels through the rules sealed: the edge encrypts each personal value with its case's data key
// before a command reaches the workflow, and opens it only where a person reads. The domain never looks inside,
// so there is no crypto here — only the names of what is sealed.

/**
 * The ciphertext of a `T`, as the edge sealed it (AES-256-GCM text). Structurally a string, so a command or event
 * decided before sealing existed (recorded histories, old tests) still fits; the rules only copy it through.
 */
export type Sealed<T> = T extends unknown ? string : never;

/** What the reader shows where a personal value's key was destroyed (erasure). */
export const ERASED = '[erased]';
