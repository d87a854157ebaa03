import { BlockList, isIP } from 'node:net';

/** One IPv4 or IPv6 range of a setting such as TRUSTED_PROXIES or WEBHOOK_ALLOWED_PRIVATE_RANGES. */
export interface AddressRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/**
 * Parses `10.0.0.0/8` or `fd00::/8`, and a bare address (`192.168.1.10`, a range of one) where allowed; null for
 * anything else. Addresses must be in the usual notation (no hex or octal IPv4, no IPv6 zone), so what an operator
 * reads in a setting is what it opens.
 */
export function parseAddressRange(entry: string, options: { bareAddress: boolean }): AddressRange | null {
  const [address = '', prefixText, ...rest] = entry.trim().split('/');
  const version = isIP(address);
  if (version === 0 || address.includes('%') || rest.length > 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return options.bareAddress ? { address, prefix: max, family } : null;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { address, prefix: Number(prefixText), family };
}

/** A matcher over ranges that were checked by `parseAddressRange` (at start-up, by the config module). */
export function addressRangeList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const range = parseAddressRange(entry, { bareAddress: true });
    if (!range) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    list.addSubnet(range.address, range.prefix, range.family);
  }
  return list;
}
