/**
 * The baseline: a bare Node http server doing the same work as the health
 * endpoints (the same getHealth over its own embedded database).
 */
import { getHealth } from "@guildhall/core/health";
import { createDatabase, migrateDatabase } from "@guildhall/db";
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 3302);
const handle = await createDatabase({ url: "memory:" });
await migrateDatabase(handle);

createServer((req, res) => {
  void getHealth(handle.db, handle.kind).then((health) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(health));
  });
}).listen(port, "127.0.0.1", () => console.log(`bare server on ${port}`));
