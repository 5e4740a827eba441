// Display preferences: language and elder-friendly mode (适老化). Kept as lx.locale / lx.elder.
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { currentLocale, setLocale as applyLocale, type Locale } from '@/i18n';
import { readPref, writePref } from '@/utils/prefs';

export function applyElder(on: boolean): void {
  if (typeof document === 'undefined') return;
  document.documentElement.classList.toggle('lx-elder', on);
}

export const useUiStore = defineStore('ui', () => {
  const locale = ref<Locale>(currentLocale());
  const elder = ref(readPref('lx.elder') === '1');

  watch(elder, (on) => {
    writePref('lx.elder', on ? '1' : null);
    applyElder(on);
  });

  function setLocale(l: Locale): void {
    locale.value = l;
    applyLocale(l);
  }

  function init(): void {
    applyElder(elder.value);
    applyLocale(locale.value, false);
  }

  return { locale, elder, setLocale, init };
});
