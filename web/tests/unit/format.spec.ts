import { describe, expect, it } from 'vitest';
import {
  EMPTY, absoluteLink, formatDate, formatDateTime, labelOf, maskIdNumber, maskMiddle, maskPhone, partyAgeText,
  periodText, spanOf, todayShanghai,
} from '@/utils/format';

const t = (key: string, p?: Record<string, unknown>) => (p ? `${key}:${JSON.stringify(p)}` : key);
const te = (key: string) => ['member.categories.full', 'me.actions.member_read'].includes(key);

describe('masking helpers', () => {
  it('masks a whole ID number, keeping 2 leading and 3 trailing characters', () => {
    expect(maskIdNumber('350205199001011234')).toBe('35*************234');
    expect(maskIdNumber('35020519900101123X')).toBe('35*************23X');
  });

  it('passes an already masked value through unchanged', () => {
    expect(maskIdNumber('35**********123')).toBe('35**********123');
    expect(maskPhone('138****1234')).toBe('138****1234');
  });

  it('masks an 11-digit mobile number as 3 + **** + 4', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
  });

  it('masks other phone shapes in the middle', () => {
    const m = maskPhone('0592-1234567');
    expect(m).toContain('*');
    expect(m).not.toContain('1234567');
    expect(m.length).toBe('0592-1234567'.length);
  });

  it('shows a dash for nothing', () => {
    for (const v of [null, undefined, '', '  ']) {
      expect(maskIdNumber(v)).toBe(EMPTY);
      expect(maskPhone(v)).toBe(EMPTY);
    }
  });

  it('stars short values entirely', () => {
    expect(maskMiddle('abc', 2, 3)).toBe('***');
  });

  it('keeps multi-byte characters whole', () => {
    expect(maskMiddle('张三丰李四', 1, 1)).toBe('张***四');
  });
});

describe('dates', () => {
  it('passes business dates through', () => {
    expect(formatDate('2026-11-23')).toBe('2026-11-23');
  });
  it('shows instants in Shanghai time', () => {
    expect(formatDateTime('2026-11-23T03:04:05.123Z')).toBe('2026-11-23 11:04:05');
    expect(formatDate('2026-11-22T17:00:00Z')).toBe('2026-11-23');
    expect(todayShanghai(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
  });
  it('shows a dash for nothing', () => {
    expect(formatDate(null)).toBe(EMPTY);
    expect(formatDateTime(undefined)).toBe(EMPTY);
  });
});

describe('member helpers', () => {
  it('writes party age in years, and none for probationary members', () => {
    expect(partyAgeText({ party_age: 12, category: 'full' }, t)).toBe('member.partyAgeYears:{"n":12}');
    expect(partyAgeText({ party_age: 0, category: 'full' }, t)).toBe('member.partyAgeYears:{"n":0}');
    expect(partyAgeText({ party_age: null, category: 'probationary' }, t)).toBe('member.noPartyAge');
    expect(partyAgeText({ party_age: null, category: 'full' }, t)).toBe(EMPTY);
  });

  it('writes a period of affiliation: closed, open since a transfer, or since joining', () => {
    expect(periodText({ valid_from: '2010-07-01', valid_to: '2026-11-10' }, t))
      .toBe('me.period:{"from":"2010-07-01","to":"2026-11-10"}');
    expect(periodText({ valid_from: '2026-11-10', valid_to: null }, t)).toBe('me.since:{"from":"2026-11-10"}');
    expect(periodText({ valid_from: null, valid_to: null }, t)).toBe('me.fromJoining');
    expect(periodText({ valid_from: null, valid_to: '2026-11-10' }, t)).toBe('me.period:{"from":"me.fromJoining","to":"2026-11-10"}');
  });

  it('labels known codes and shows unknown ones raw', () => {
    expect(labelOf('member.categories', 'full', t, te)).toBe('member.categories.full');
    expect(labelOf('member.categories', 'weird', t, te)).toBe('weird');
    expect(labelOf('me.actions', 'member.read', t, te)).toBe('me.actions.member_read');
    expect(labelOf('x', null, t, te)).toBe(EMPTY);
  });

  it('turns a setup link into a full URL', () => {
    expect(absoluteLink('/#/setup?token=abc', 'http://127.0.0.1:18080')).toBe('http://127.0.0.1:18080/#/setup?token=abc');
    expect(absoluteLink('https://x.example/#/setup?token=a', 'http://o')).toBe('https://x.example/#/setup?token=a');
  });
});

describe('spanOf: how late a whistle is, as the supervision board says it', () => {
  it('gives minutes under an hour, hours under a day, then days and hours', () => {
    expect(spanOf(59)).toEqual({ key: 'minutes', n: 59, h: 0 });
    expect(spanOf(60)).toEqual({ key: 'hours', n: 1, h: 0 });
    expect(spanOf(1439)).toEqual({ key: 'hours', n: 23, h: 0 });
    expect(spanOf(60152)).toEqual({ key: 'days', n: 41, h: 18 }); // the board once said "60152 分钟"
  });
});
