/** "1 call", "1,804 calls": a count of calls as every page says one. */
export const callCount = (count: number): string => `${count.toLocaleString("en")} ${count === 1 ? "call" : "calls"}`;
