// The code lists and member field specs from GET /dictionaries, fetched once per page load (they are the same for
// every user) and read in the current language. The web keeps no copy of a code list or a length limit: a form
// takes its select options, labels, maxlength and required marks from here (issue 16 "Each shape once").
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { dictionaryApi, type Dictionaries, type Labels, type MemberFieldSpec } from '@/api/dictionaries';
import { notifyError } from './notify';

const data = ref<Dictionaries | null>(null);
let pending: Promise<void> | null = null;

/** Forget the cached lists (tests). */
export function resetDictionaries() {
  data.value = null;
  pending = null;
}

export function useDictionaries() {
  const { locale } = useI18n();
  const pick = (l?: Labels) => (l ? (locale.value === 'en' ? l.en || l['zh-CN'] : l['zh-CN'] || l.en) : '');

  function load(): Promise<void> {
    if (data.value) return Promise.resolve();
    pending ??= dictionaryApi
      .get()
      .then((d) => {
        data.value = d;
      })
      .catch((e) => notifyError(e))
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  const field = (name: string): MemberFieldSpec | undefined => data.value?.member_fields.find((f) => f.name === name);
  /** The field's most characters (undefined until loaded: no limit rather than a wrong one). */
  const maxLength = (name: string) => field(name)?.max_length ?? undefined;
  const maxItems = (name: string) => field(name)?.max_items ?? undefined;
  const required = (name: string) => field(name)?.required ?? false;
  const fieldLabel = (name: string) => pick(field(name)?.labels) || name;
  /** A list's codes as select options, labelled in the current language. */
  const options = (list: string) =>
    (data.value?.code_lists.find((l) => l.id === list)?.codes ?? []).map((c) => ({ value: c.code, label: pick(c.labels) }));
  /** A code's label ("—" for none; the code itself when the list does not know it). */
  function codeLabel(list: string, code?: string | null): string {
    if (!code) return '—';
    const c = data.value?.code_lists.find((l) => l.id === list)?.codes.find((x) => x.code === code);
    return c ? pick(c.labels) : code;
  }
  /** The fields edited and shown generically (education, work unit, occupation …), in the spec's order. */
  const registryFields = computed(() => (data.value?.member_fields ?? []).filter((f) => f.registry));

  return { data, load, field, maxLength, maxItems, required, fieldLabel, options, codeLabel, registryFields };
}
