// Code lists (字典) and member field specs (docs/api.md "GET /api/v1/dictionaries"): the server's one copy, which the
// forms take their options, labels and limits from (issue 16 "Each shape once").
import { http } from './http';

export interface Labels {
  'zh-CN': string;
  en: string;
}
export interface CodeList {
  id: string;
  labels: Labels;
  codes: { code: string; labels: Labels }[];
}
export type FieldKind = 'text' | 'code' | 'codes' | 'text_list' | 'phone' | 'date' | 'id_number';
export interface MemberFieldSpec {
  name: string;
  labels: Labels;
  kind: FieldKind;
  required: boolean;
  min_length: number | null;
  max_length: number | null;
  max_items: number | null;
  code_list: string | null;
  /** Edited through PUT /members/{id} and shown on the record generically. */
  registry: boolean;
}
export interface Dictionaries {
  code_lists: CodeList[];
  member_fields: MemberFieldSpec[];
}

export const dictionaryApi = {
  get: () => http.get<Dictionaries>('/dictionaries'),
};
