import { tinyPng } from "@guildhall/core/testing";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createServerDatabase,
  freePort,
  startServer,
  useServer,
  type RunningServer,
  type ServerDatabase,
} from "./support/server";

/** A stand-in for S3 (path-style PUT/GET/DELETE of objects); signatures are not checked. */
const objects = new Map<string, { body: Buffer; type: string }>();
let s3: Server;
let s3Port: number;
let database: ServerDatabase;
let server: RunningServer;

beforeAll(async () => {
  s3Port = await freePort();
  s3 = createServer((req, res) => {
    const key = decodeURIComponent(new URL(req.url ?? "/", "http://s3").pathname);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "PUT") {
        objects.set(key, {
          body: Buffer.concat(chunks),
          type: String(req.headers["content-type"]),
        });
        res.writeHead(200, { etag: '"x"' }).end();
      } else if (req.method === "GET" && objects.has(key)) {
        const object = objects.get(key)!;
        res
          .writeHead(200, { "content-type": object.type, "content-length": object.body.length })
          .end(object.body);
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        res
          .writeHead(404, { "content-type": "application/xml" })
          .end("<Error><Code>NoSuchKey</Code></Error>");
      }
    });
  });
  await new Promise<void>((resolve) => s3.listen(s3Port, "127.0.0.1", resolve));
  database = await createServerDatabase();
  server = await startServer({
    ...database.env,
    S3_BUCKET: "avatars-test",
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_ACCESS_KEY_ID: "test",
    S3_SECRET_ACCESS_KEY: "test-secret",
  });
});
afterAll(async () => {
  await server?.stop();
  await database?.destroy();
  await new Promise((resolve) => s3.close(resolve));
});

async function signedIn(base: string, username: string) {
  const json = { "content-type": "application/json" };
  const password = "avatar passphrase long";
  await fetch(`${base}/api/v1/auth/register`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ username, email: `${username}@example.test`, password }),
  });
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ login: username, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return (path: string, method: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { ...json, authorization: `Bearer ${accessToken}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

describe("avatars in S3-compatible storage (stand-in server)", () => {
  it("stores a checked image, serves it, replaces and removes it", async () => {
    const call = await signedIn(server.url, "avataruser");
    const png = tinyPng(3, 2);
    const upload = await call("/api/v1/me/avatar", "POST", {
      image: `data:image/png;base64,${png.toString("base64")}`,
    });
    expect(upload.status).toBe(200);
    const { avatarUrl } = (await upload.json()) as { avatarUrl: string };
    expect(avatarUrl).toMatch(/^\/api\/files\/avatars\//);
    const stored = [...objects.keys()];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toBe(`/avatars-test/${avatarUrl.replace("/api/files/", "")}`);

    const served = await fetch(`${server.url}${avatarUrl}`);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect(
      ((await (await call("/api/v1/me", "GET")).json()) as { avatarUrl: string }).avatarUrl,
    ).toBe(avatarUrl);

    await call("/api/v1/me/avatar", "POST", { image: tinyPng(4, 4).toString("base64") });
    expect(objects.size).toBe(1);
    expect(objects.has(stored[0]!)).toBe(false);

    expect((await call("/api/v1/me/avatar", "DELETE")).status).toBe(200);
    expect(objects.size).toBe(0);
  });

  it("refuses a non-image renamed .png with a translated field error", async () => {
    const call = await signedIn(server.url, "fakepng");
    const res = await call("/api/v1/me/avatar", "POST", {
      image: Buffer.from("I am a text file called avatar.png").toString("base64"),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: "INVALID_IMAGE",
      fieldErrors: { image: [expect.stringContaining("PNG, JPEG, GIF or WebP")] },
    });
    expect(objects.size).toBe(0);
  });
});

describe("avatars on local disk (default)", () => {
  const local = useServer();
  it("stores and serves from the upload folder", async () => {
    const call = await signedIn(local.url, "diskuser");
    const upload = await call("/api/v1/me/avatar", "POST", { image: tinyPng().toString("base64") });
    const { avatarUrl } = (await upload.json()) as { avatarUrl: string };
    const served = await fetch(`${local.url}${avatarUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect((await fetch(`${local.url}/api/files/avatars/../../etc/passwd`)).status).toBe(404);
  });
});
