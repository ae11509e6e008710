/**
 * Whether a form holds nothing the user typed: every field equals what the form starts with, or
 * is text of only spaces. Such a form keeps no draft and closes without asking.
 */
export function isBlankDraft<T extends object>(value: T, empty: T): boolean {
  const initial = empty as Record<string, unknown>;
  return Object.entries(value).every(([name, field]) => {
    if (typeof field === 'string' && field.trim() === '') {
      const start = initial[name];
      return typeof start !== 'string' || start.trim() === '';
    }
    return (
      Object.is(field, initial[name]) || JSON.stringify(field) === JSON.stringify(initial[name])
    );
  });
}
