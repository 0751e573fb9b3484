import { foldText, nameTokens, passportTerm, phoneTerms, queryTerms } from '../src/index';

describe('search terms', () => {
  it('fold Vietnamese diacritics and đ, so a name typed without them matches', () => {
    expect(nameTokens('Nguyễn Thị Hoa')).toEqual(['nguyen', 'thi', 'hoa']);
    expect(nameTokens('Đặng  Thùy-Dương')).toEqual(['dang', 'thuy', 'duong']);
    expect(queryTerms('name', 'nguyen thi hoa').map((t) => t.term)).toEqual(nameTokens('NGUYỄN THỊ HOA'));
    expect(foldText('Phạm Ngọc Ánh')).toBe('pham ngoc anh');
  });

  it('match a phone number written with or without the country code by its last 8 digits', () => {
    expect(phoneTerms('+82 10-5555-0101')).toEqual(['821055550101', '55550101']);
    expect(queryTerms('phone', '010-5555-0101')).toEqual([{ kind: 'phone', term: '55550101' }]);
    expect(phoneTerms('12')).toEqual([]);
  });

  it('normalise passport numbers and refuse too-short ones', () => {
    expect(passportTerm('c 1234 567')).toBe('C1234567');
    expect(passportTerm('ab1')).toBeUndefined();
    expect(queryTerms('passport', 'x')).toEqual([]);
  });
});
