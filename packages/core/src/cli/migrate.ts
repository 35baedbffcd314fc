import { createDatabase, migrateDatabase } from "@guildhall/db";
import { getEnv } from "../env";

const env = getEnv();
const handle = await createDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
await migrateDatabase(handle);
console.log(`migrated ${handle.location}`);
await handle.close();
