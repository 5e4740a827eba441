// The logic of a resident's phone pages (issue 17 "Pages": report, follow, confirm, rate in large clear type): the
// steps and what keeps a resident on each, the place sent (a point wins; else the community and the address), the
// server's named field taking them back to its step, the two-level dictionary as groups, the state as a resident
// reads it, and a point tapped on GCJ-02 tiles sent back in WGS-84 (nothing stored is ever GCJ-02).
import { describe, expect, test } from 'vitest';
import { wgs84ToGcj02 } from '@/utils/gcj02';
import {
  REPORT_STEPS, categoryGroups, emptyDraft, followUrl, gcj02ToWgs84, gridAt, missing, nextStep, prevStep, reportBody,
  residentStage, stepOfField,
} from '@/utils/resident';

describe('the report steps', () => {
  test('verify → category → text → photos → place → send, each asking only what it needs', () => {
    expect(REPORT_STEPS).toEqual(['phone', 'category', 'text', 'photos', 'place', 'send']);
    const d = emptyDraft();
    expect(missing('phone', d, false)).toBe('phone');
    expect(missing('phone', d, true)).toBe('');
    expect(missing('category', d, true)).toBe('category');
    d.category = 'facility.street_light';
    expect(missing('category', d, true)).toBe('');
    d.description = ' 灯';
    expect(missing('text', d, true)).toBe('text');
    d.description = '路灯不亮';
    expect(missing('photos', d, true)).toBe('');  // photos are optional
    expect(missing('place', d, true)).toBe('place');
    d.communityId = 5;
    expect(missing('place', d, true)).toBe('address');  // a community without a point needs the address
    d.address = '海发路 12 号';
    expect(missing('place', d, true)).toBe('');
    expect(nextStep('place')).toBe('send');
    expect(nextStep('send')).toBe('send');
    expect(prevStep('category')).toBe('category');  // back never undoes the verified phone
  });

  test('the body sends a point when there is one, else the community; names the field the server refused', () => {
    const d = { ...emptyDraft(), category: 'city.garbage', description: ' 垃圾 ', communityId: 7, address: '', photos: ['a'] };
    expect(reportBody(d)).toEqual({ category_code: 'city.garbage', description: '垃圾', photo_ids: ['a'], org_id: 7 });
    d.point = { lng: 118.0051234567, lat: 24.5051234567 };
    expect(reportBody(d)).toEqual({ category_code: 'city.garbage', description: '垃圾', photo_ids: ['a'],
      location: { lng: 118.005123, lat: 24.505123 } });
    expect(stepOfField('category_code')).toBe('category');
    expect(stepOfField('description')).toBe('text');
    expect(stepOfField('photo_ids[2]')).toBe('photos');
    expect(stepOfField('location')).toBe('place');
    expect(stepOfField('org_id')).toBe('place');
    expect(stepOfField('address')).toBe('place');
  });
});

describe('what a resident reads', () => {
  test('the dictionary as groups of leaves in the page language', () => {
    const items = [
      { code: 'city', parent_code: null, name_zh: '市容环境', name_en: 'City', sla_class: null },
      { code: 'city.garbage', parent_code: 'city', name_zh: '垃圾堆放', name_en: 'Rubbish', sla_class: 'general' },
      { code: 'empty', parent_code: null, name_zh: '空', name_en: 'Empty', sla_class: null },
    ] as never[];
    expect(categoryGroups(items, 'zh-CN')).toEqual([{ code: 'city', name: '市容环境', leaves: [{ code: 'city.garbage', name: '垃圾堆放' }] }]);
    expect(categoryGroups(items, 'en')[0].leaves[0].name).toBe('Rubbish');
  });

  test('the states in four words, and the follow link', () => {
    expect(residentStage('accepted')).toBe('received');
    expect(residentStage('in_progress')).toBe('handling');
    expect(residentStage('verified')).toBe('handling');
    expect(residentStage('feedback')).toBe('answer');
    expect(residentStage('rated')).toBe('done');
    expect(residentStage('dismissed')).toBe('closed');
    expect(followUrl('AbC-_9', 'https://lx.example/')).toBe('https://lx.example/r/e/AbC-_9');
  });

  test('the grid holding a point, and a GCJ-02 tap sent back in WGS-84', () => {
    const square = { type: 'Polygon', coordinates: [[[118, 24.5], [118.01, 24.5], [118.01, 24.51], [118, 24.51], [118, 24.5]]] };
    const f = [{ geometry: square, properties: { name: '第一网格', org_name: '海发社区', org_id: 3 } }];
    expect(gridAt(f, { lng: 118.005, lat: 24.505 })?.name).toBe('第一网格');
    expect(gridAt(f, { lng: 118.02, lat: 24.505 })).toBeNull();
    const wgs = { lng: 118.089, lat: 24.479 };
    const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
    expect(Math.abs(back.lng - wgs.lng)).toBeLessThan(1e-6);
    expect(Math.abs(back.lat - wgs.lat)).toBeLessThan(1e-6);
  });
});
