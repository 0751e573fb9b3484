// Every protocol version a case may be pinned to. Versions are only ever added, never edited in place.
// Each version is a document in protocols/ (data, not code), imported as a JSON module so the domain reads no file
// and the workflow bundle carries the documents; every one is checked here, when the module loads, so a broken
// document stops any app (and the workflow bundle) at start.
import { DomainError } from '../shared/domain-error';
import type { ProtocolDefinition, ProtocolRegistry } from './protocol-definition';
import { parseProtocol, ProtocolDocumentError } from './protocol-schema';
import protocol2026v1 from '../../../../protocols/2026.1.json';
import protocol2027v1 from '../../../../protocols/2027.1.json';

/** The documents, named as they are in the repository. */
const DOCUMENTS: readonly { readonly source: string; readonly document: unknown }[] = [
  { source: 'protocols/2026.1.json', document: protocol2026v1 },
  { source: 'protocols/2027.1.json', document: protocol2027v1 },
];

/** Checks each document and keys it by its version, which must be the file's name; versions are unique. */
export const registerProtocols = (documents: readonly { readonly source: string; readonly document: unknown }[]): ProtocolRegistry => {
  const registry: Record<string, ProtocolDefinition> = {};
  for (const { source, document } of documents) {
    const protocol = parseProtocol(document, source);
    const named = source.split('/').pop()?.replace(/\.json$/, '');
    if (named !== protocol.version) {
      throw new ProtocolDocumentError(source, [{ path: 'version', reason: `"${protocol.version}" is not the file's name "${named}"` }]);
    }
    if (Object.prototype.hasOwnProperty.call(registry, protocol.version)) {
      throw new ProtocolDocumentError(source, [{ path: 'version', reason: `"${protocol.version}" is registered twice` }]);
    }
    registry[protocol.version] = protocol;
  }
  return registry;
};

export const PROTOCOLS: ProtocolRegistry = registerProtocols(DOCUMENTS);

/** The version new cases open under (2027.1 is registered for migration; new cases stay on 2026.1). */
export const CURRENT_PROTOCOL_VERSION = '2026.1';

export const protocolFor = (version: string, registry: ProtocolRegistry = PROTOCOLS): ProtocolDefinition => {
  const protocol = Object.prototype.hasOwnProperty.call(registry, version) ? registry[version] : undefined;
  if (!protocol) throw new DomainError('UNKNOWN_PROTOCOL_VERSION', `no protocol version "${version}"`);
  return protocol;
};

/** 2026.1, the version every case opened so far follows. */
export const PROTOCOL_2026_1: ProtocolDefinition = protocolFor('2026.1');

/**
 * Orders two versions "<year>.<edition>" (anything after is ignored): negative when `a` is older than `b`, zero when
 * they are the same edition, positive when newer.
 */
export const compareProtocolVersions = (a: string, b: string): number => {
  const parts = (v: string): [number, number] => {
    const match = /^(\d+)\.(\d+)/.exec(v);
    return match ? [Number(match[1]), Number(match[2])] : [0, 0];
  };
  const [ay, ae] = parts(a);
  const [by, be] = parts(b);
  return ay !== by ? ay - by : ae - be;
};
