import { describe, expect, it } from 'vitest';
import { EMAIL_DELIVERY_LABELS, NOTIFICATION_KIND_LABELS } from '../../src/labels.ts';
import { LIGHT_CAPACITY_LABELS, LIGHT_LINK_STATUS_LABELS, LIGHT_REJECTION_REASON_LABELS } from '../../src/pages/link/labels.ts';
import { tokenFromFragment } from '../../src/pages/link/token.ts';
import { consolePath } from '../../src/pages/meldingen/path.ts';

describe('notification links', () => {
  it('follow a path on the console only', () => {
    expect(consolePath('/warme-overdracht/8b0d5f0e-2a59-4c1b-9d43-0a7f0e6c1a11')).toBe('/warme-overdracht/8b0d5f0e-2a59-4c1b-9d43-0a7f0e6c1a11');
    for (const other of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'warme-overdracht/1', '']) {
      expect(consolePath(other), other).toBeNull();
    }
  });
});

describe('the link token', () => {
  it('is read from the fragment as the hub makes it (base64url), and nothing else', () => {
    const token = 'AbC-_0123456789xyzXYZ0123456789abcdefghijk';
    expect(tokenFromFragment(`#${token}`)).toBe(token);
    expect(tokenFromFragment(token)).toBe(token);
    for (const other of ['', '#', '#short', `#${token}?x=1`, `#${token}/`, `#${'a'.repeat(257)}`, '#a b c d e f g h i j k l']) {
      expect(tokenFromFragment(other), other).toBeNull();
    }
  });
});

describe('the Dutch words for the notification codes', () => {
  it.each([
    ['NotificationKind', NOTIFICATION_KIND_LABELS, 17],
    ['EmailDelivery', EMAIL_DELIVERY_LABELS, 3],
    ['LightRejectionReason', LIGHT_REJECTION_REASON_LABELS, 10],
    ['LightCapacityStatus', LIGHT_CAPACITY_LABELS, 4],
    ['LightLinkStatus', LIGHT_LINK_STATUS_LABELS, 4],
  ] as const)('give every %s its own text, without code names', (_, labels, count) => {
    const texts = Object.values(labels);
    expect(texts).toHaveLength(count);
    expect(new Set(texts).size).toBe(count);
    for (const text of texts) expect(text).not.toMatch(/[A-Z]{3,}|_/);
  });
});
