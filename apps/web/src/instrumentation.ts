/** Next calls this once at start; the work lives in instrumentation-node.ts (Node only). */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next itself, not a setting
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startNode } = await import("./instrumentation-node");
  await startNode();
}
