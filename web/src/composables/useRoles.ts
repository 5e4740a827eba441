// Roles from GET /roles, fetched once per page load, with names in the current language.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { userApi } from '@/api/users';
import type { Role } from '@/api/types';
import { notifyError } from './notify';

const roles = ref<Role[]>([]);
let pending: Promise<void> | null = null;

export function useRoles() {
  const { locale, t, te } = useI18n();

  function load(): Promise<void> {
    if (roles.value.length) return Promise.resolve();
    pending ??= userApi
      .roles()
      .then((r) => {
        roles.value = r.items ?? [];
      })
      .catch((e) => notifyError(e))
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function roleName(code: string, fallback?: string): string {
    const r = roles.value.find((x) => x.role === code);
    if (r) return locale.value === 'en' ? r.name_en || r.name_zh : r.name_zh || r.name_en;
    if (te(`roles.${code}`)) return t(`roles.${code}`);
    return fallback || code;
  }

  return { roles, load, roleName };
}
