// BullMQ job ids must not contain ':' (the key separator) and must not look like integers (BullMQ's own ids).
export function safeJobId(name: string, key: string): string {
  const cleaned = key.replace(/:/g, "_");
  return cleaned.startsWith(`${name}-`) ? cleaned : `${name}-${cleaned}`;
}
