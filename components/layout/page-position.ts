/** Where a page's rows stand among all: "51–100 of 11,701"; "0 of 0" when there are none. For the calls and an upload's gateway events alike. */
export function pagePosition({ shown, offset, total }: { shown: number; offset: number; total: number }): string {
  const of = `of ${total.toLocaleString("en")}`;
  if (shown === 0) return `0 ${of}`;
  return `${(offset + 1).toLocaleString("en")}–${(offset + shown).toLocaleString("en")} ${of}`;
}
