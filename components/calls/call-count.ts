/** "1 app", "12 apps": a count as every page says one (nouns that take an s). */
export const counted = (count: number, noun: string): string => `${count.toLocaleString("en")} ${count === 1 ? noun : `${noun}s`}`;

/** "1 call", "1,804 calls". */
export const callCount = (count: number): string => counted(count, "call");
