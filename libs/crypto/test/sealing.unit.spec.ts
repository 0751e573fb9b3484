import { randomBytes } from 'node:crypto';
import { KeyCache, isSealedText, openText, sealText } from '@baoho/crypto';
import { findPlaintext, plaintextForms } from '../../../tests/support/scan/plaintext-forms';

describe('the sealed envelope', () => {
  const key = randomBytes(32);

  it('opens what it sealed, for the same owner only', () => {
    const sealed = sealText(key, 'case:a', JSON.stringify('Nguyễn Thị Hoa'));
    expect(isSealedText(sealed)).toBe(true);
    expect(sealed).not.toContain('Hoa');
    expect(JSON.parse(openText(key, 'case:a', sealed))).toBe('Nguyễn Thị Hoa');
    expect(() => openText(key, 'case:b', sealed)).toThrow();
    expect(() => openText(randomBytes(32), 'case:a', sealed)).toThrow();
  });

  it('seals the same text differently each time (a fresh IV), and refuses a flipped byte', () => {
    const a = sealText(key, 'case:a', 'x');
    expect(sealText(key, 'case:a', 'x')).not.toBe(a);
    const bytes = Buffer.from(a.slice(4), 'base64url');
    bytes[14]! ^= 1;
    expect(() => openText(key, 'case:a', `bh1.${bytes.toString('base64url')}`)).toThrow();
  });
});

describe('the key cache', () => {
  it('forgets a key after its TTL and keeps at most its size, oldest out first', () => {
    let now = 0;
    const cache = new KeyCache(2, 1_000, () => now);
    cache.set('a', Buffer.from('a'));
    cache.set('b', Buffer.from('b'));
    cache.set('c', Buffer.from('c'));
    expect([cache.get('a'), cache.get('b')?.toString(), cache.get('c')?.toString()]).toEqual([undefined, 'b', 'c']);
    now = 1_000;
    expect(cache.get('b')).toBeUndefined();
    cache.set('d', Buffer.from('d'));
    cache.forget('d');
    expect(cache.get('d')).toBeUndefined();
  });
});

describe('the plaintext scan', () => {
  it('finds a value folded, digits only, or as hex, and nothing in ciphertext', () => {
    expect(plaintextForms('+82 10-5555-0101')).toEqual(expect.arrayContaining(['821055550101', '55550101']));
    expect(findPlaintext('... nguyen thi hoa ...', ['Nguyễn Thị Hoa'])).toBe('nguyen thi hoa');
    expect(findPlaintext(`\\x${Buffer.from('C1234567').toString('hex')}`, ['C1234567'])).toBeDefined();
    expect(findPlaintext(sealText(randomBytes(32), 'case:a', 'Nguyễn Thị Hoa'), ['Nguyễn Thị Hoa'])).toBeUndefined();
  });
});
