// vue-i18n set-up: zh-CN is the default, en a complete second locale; the choice is kept as `lx.locale`.
import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN';
import en from './en';
import { readPref, writePref } from '@/utils/prefs';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export function initialLocale(): Locale {
  const saved = readPref('lx.locale');
  return isLocale(saved) ? saved : DEFAULT_LOCALE;
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLocale(): Locale {
  const l = i18n.global.locale.value;
  return isLocale(l) ? l : DEFAULT_LOCALE;
}

export function setLocale(locale: Locale, persist = true): void {
  i18n.global.locale.value = locale;
  if (persist) writePref('lx.locale', locale);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.title = i18n.global.t('app.fullTitle');
  }
}

export const t = (key: string, params?: Record<string, unknown>): string =>
  params ? i18n.global.t(key, params) : i18n.global.t(key);
export const te = (key: string): boolean => i18n.global.te(key);
