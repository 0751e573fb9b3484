// Every protocol version a case may be pinned to. Versions are only ever added, never edited in place.
import { DomainError } from '../shared/domain-error';
import type { ProtocolDefinition, ProtocolRegistry } from './protocol-definition';
import { PROTOCOL_2026_1 } from './protocol-2026-1';

export const PROTOCOLS: ProtocolRegistry = { [PROTOCOL_2026_1.version]: PROTOCOL_2026_1 };

/** The version new cases open under. */
export const CURRENT_PROTOCOL_VERSION = PROTOCOL_2026_1.version;

export const protocolFor = (version: string, registry: ProtocolRegistry = PROTOCOLS): ProtocolDefinition => {
  const protocol = Object.prototype.hasOwnProperty.call(registry, version) ? registry[version] : undefined;
  if (!protocol) throw new DomainError('UNKNOWN_PROTOCOL_VERSION', `no protocol version "${version}"`);
  return protocol;
};
