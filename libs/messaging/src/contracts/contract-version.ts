// How a message says which contract it follows (see libs/messaging/README.md, "Versions"):
// - the topic name carries the major version (`hotline.calls.v1`): a breaking change is a new topic, so a
//   consumer never meets a shape it was not written for;
// - the optional `contract-version` header and the optional `schemaVersion` payload field let a producer say
//   it explicitly; when present they must name the version of the topic, otherwise the message is refused
//   with UNKNOWN_VERSION (a v2 event published to the v1 topic by mistake is kept, not misread).

export const CONTRACT_VERSION_HEADER = 'contract-version';
export const MESSAGE_ID_HEADER = 'message-id';
export const CONTENT_TYPE_HEADER = 'content-type';
export const JSON_CONTENT_TYPE = 'application/json';

/** The version every v1 contract of this lib speaks. */
export const CONTRACT_VERSION_1 = 1;

/**
 * Whether a `contract-version` header value names version 1. Accepts "1", "1.0", "1.2" (minor versions are
 * additive, and the consumer ignores nothing it must understand: the schema is strict, so an unknown field is
 * refused on its own merits).
 */
export const isVersion1Header = (value: string): boolean => /^1(\.\d{1,4}){0,2}$/.test(value.trim());
