import { getDatabase } from "../runtime";

// getDatabase migrates and seeds (printing credentials when it creates them).
const handle = await getDatabase();
console.log(`seeded ${handle.location}`);
await handle.close();
