/** What a file said, for a warning: JSON as written, never more than a line whatever the file holds. */
export function quote(value: unknown, max = 60): string {
  const cut = (text: string) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  if (typeof value === 'string') return JSON.stringify(cut(value));
  return cut(JSON.stringify(value) ?? String(value));
}
