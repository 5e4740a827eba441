// A resident's intake (docs/api.md "Residents' intake", issue 17): the phone's one-time code and photos. The code
// routes are public; a resident then acts with the token they return (Bearer), which lives in memory only
// (stores/resident.ts). Photos go as the file itself; the server answers with its hash as the id.
import { http } from './http';
import type { components } from './openapi';

export type ResidentToken = components['schemas']['ResidentToken'];
export type IntakeLimits = components['schemas']['IntakeLimits'];
export type StoredPhoto = components['schemas']['StoredPhoto'];

export interface SentCode {
  phone: string;
  text: string;
  at: number;
}

export const intakeApi = {
  requestCode: (phone: string) => http.post<{ sent: boolean }>('/public/codes', { phone }, { noAuthRedirect: true }),
  verifyCode: (phone: string, code: string) =>
    http.post<ResidentToken>('/public/codes/verify', { phone, code }, { noAuthRedirect: true }),
  limits: () => http.get<IntakeLimits>('/public/intake', undefined, { noAuthRedirect: true }),
  /** The demo's outbox (404 unless the server runs with the sink sender). */
  sentCodes: (phone: string) =>
    http.get<{ items: SentCode[] }>('/dev/sent-codes', { phone }, { noAuthRedirect: true }),
  /** As a resident (their token) or, without one, as the signed-in user. */
  uploadPhoto: (file: Blob, bearer?: string) =>
    http.post<StoredPhoto>('/photos', file, { bearer, noAuthRedirect: !!bearer }),
};
