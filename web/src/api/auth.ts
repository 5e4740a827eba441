import { http } from './http';
import type { Session, SetupInfo, TotpEnrollment } from './types';

export const authApi = {
  session: () => http.get<Session>('/auth/session', undefined, { noAuthRedirect: true }),
  login: (username: string, password: string) =>
    http.post<Session>('/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { noAuthRedirect: true }),
  totpEnroll: () => http.post<TotpEnrollment>('/auth/totp/enroll'),
  totpVerify: (code: string) => http.post<Session>('/auth/totp/verify', { code }),
  changePassword: (old_password: string, new_password: string) =>
    http.post<void>('/auth/password', { old_password, new_password }),
  setupInfo: (token: string) => http.get<SetupInfo>('/setup', { token }, { noAuthRedirect: true }),
  setup: (body: { token: string; password: string; username?: string; display_name?: string }) =>
    http.post<{ username: string }>('/setup', body, { noAuthRedirect: true }),
};
