import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for an S3 bucket, path-style: PUT and DELETE of objects,
 * ListObjectsV2 in pages of two keys (so paging is exercised) and
 * DeleteObjects. Signatures are not checked.
 */
export async function startS3StandIn(bucket: string) {
  const objects = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://s3");
      const key = decodeURIComponent(url.pathname).replace(`/${bucket}`, "").replace(/^\//, "");
      res.setHeader("content-type", "application/xml");
      if (req.method === "GET" && url.searchParams.get("list-type") === "2") {
        const after = url.searchParams.get("continuation-token") ?? "";
        const prefix = url.searchParams.get("prefix") ?? "";
        const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
        const page = keys.slice(0, 2);
        const truncated = keys.length > page.length;
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name>` +
            `<Prefix>${prefix}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>2</MaxKeys>` +
            `<IsTruncated>${truncated}</IsTruncated>` +
            (truncated ? `<NextContinuationToken>${page.at(-1)}</NextContinuationToken>` : "") +
            page.map((k) => `<Contents><Key>${k}</Key><Size>1</Size></Contents>`).join("") +
            `</ListBucketResult>`,
        );
      } else if (req.method === "POST" && url.searchParams.has("delete")) {
        const body = Buffer.concat(chunks).toString("utf8");
        for (const match of body.matchAll(/<Key>([^<]*)<\/Key>/g)) objects.delete(match[1]!);
        res.end(`<?xml version="1.0" encoding="UTF-8"?><DeleteResult></DeleteResult>`);
      } else if (req.method === "PUT") {
        objects.set(key, Buffer.concat(chunks));
        res.end();
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.statusCode = 204;
        res.end();
      } else {
        res.statusCode = 404;
        res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
