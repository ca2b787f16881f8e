import { z } from "zod";

/** An empty environment variable means "not set", as in a shell `FOO= npm start`. */
export const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);
