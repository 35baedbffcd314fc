import { getHealth } from "@guildhall/core/health";
import { getDatabase } from "@guildhall/core/runtime";

export const dynamic = "force-dynamic";

/** Plain health check for load balancers: 200 when the database answers, else 503. */
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    const health = await getHealth(db, kind);
    return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
  } catch {
    return Response.json({ status: "degraded" }, { status: 503 });
  }
}
