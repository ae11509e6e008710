/**
 * Whether a form holds nothing the user typed: every field equals what the form starts with, or
 * is text of only spaces. Such a form keeps no draft and closes without asking.
 */
export function isBlankDraft<T extends Record<string, unknown>>(value: T, empty: T): boolean {
  return Object.keys(value).every((name) => {
    const field = value[name];
    if (typeof field === 'string' && field.trim() === '') {
      const initial = empty[name];
      return typeof initial !== 'string' || initial.trim() === '';
    }
    return Object.is(field, empty[name]) || JSON.stringify(field) === JSON.stringify(empty[name]);
  });
}
