/** GB18030 bytes for a string, by inverting the platform's decoder over the two-byte range (Node has no encoder). */
let table: Map<string, number[]> | undefined;

export function encodeGb18030(text: string): Uint8Array {
  if (!table) {
    const decoder = new TextDecoder('gb18030');
    table = new Map();
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  }
  const codes = table;
  return new Uint8Array(
    [...text].flatMap((c) => {
      if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
      const bytes = codes.get(c);
      if (!bytes) throw new Error(`no GBK code for ${c}`);
      return bytes;
    }),
  );
}
