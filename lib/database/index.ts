export { connectDatabase, database, type Database } from "./client";
