// The strict fake measures every request and response in UTF-8 bytes (the 5 MB limits of Excel on the
// web): its count without making the bytes gives what TextEncoder gives, on any text.

import { utf8Length } from "../../fakes/excel-fake";

const UTF8 = new TextEncoder();

test("utf8Length is TextEncoder's length: ASCII, accents, CJK, emoji, lone surrogates at any place", () => {
  const fixed = [
    "",
    "abc",
    "é",
    "Synthèse CEJ « 1 234,56 € »",
    "日本語",
    "😀",
    "a😀b",
    "\ud800",
    "\udc00x",
    "x\ud83d",
    "\ud83d\ud83d\ude00",
  ];
  for (const text of fixed)
    expect({ text, n: utf8Length(text) }).toEqual({ text, n: UTF8.encode(text).length });
  let seed = 12345;
  const next = (): number => (seed = (seed * 48271) % 2_147_483_647);
  for (let n = 0; n < 3000; n++) {
    const units = Array.from({ length: n % 40 }, () => {
      const r = next();
      return r % 4 === 0
        ? r % 0x80
        : r % 4 === 1
          ? 0x80 + (r % 0x780)
          : r % 4 === 2
            ? 0xd800 + (r % 0x800)
            : r % 0x10000;
    });
    const text = String.fromCharCode(...units);
    expect({ text, n: utf8Length(text) }).toEqual({ text, n: UTF8.encode(text).length });
  }
  const request = JSON.stringify({ values: [["Financements", 1_234.5, "€", "\ud800"]] });
  expect(utf8Length(request)).toBe(UTF8.encode(request).length);
});
