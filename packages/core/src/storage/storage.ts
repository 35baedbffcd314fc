import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { getEnv } from "../env";

/** Where uploaded files live: a local folder by default, an S3-compatible bucket when configured. */
export interface FileStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<{ body: Buffer; contentType: string } | null>;
  delete(key: string): Promise<void>;
}

const safeKey = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;
function checkKey(key: string): string {
  if (!safeKey.test(key) || key.includes("..")) throw new Error(`bad storage key ${key}`);
  return key;
}

export class LocalStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private path(key: string) {
    return join(resolve(/*turbopackIgnore: true*/ this.root), checkKey(key));
  }

  async put(key: string, body: Buffer, contentType: string) {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
    await writeFile(`${path}.type`, contentType);
  }

  async get(key: string) {
    try {
      const path = this.path(key);
      return { body: await readFile(path), contentType: await readFile(`${path}.type`, "utf8") };
    } catch {
      return null;
    }
  }

  async delete(key: string) {
    const path = this.path(key);
    await rm(path, { force: true });
    await rm(`${path}.type`, { force: true });
  }
}

export class S3Storage implements FileStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Buffer, contentType: string) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: checkKey(key),
        Body: body,
        ContentType: contentType,
      }),
    );
  }

  async get(key: string) {
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }),
      );
      const bytes = await result.Body?.transformToByteArray();
      return bytes
        ? {
            body: Buffer.from(bytes),
            contentType: result.ContentType ?? "application/octet-stream",
          }
        : null;
    } catch (error) {
      if ((error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }

  async delete(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
  }
}

let storage: FileStorage | undefined;

/** The configured storage: S3 when S3_BUCKET is set, else the UPLOAD_DIR folder. */
export function getStorage(): FileStorage {
  if (storage) return storage;
  const env = getEnv();
  if (env.S3_BUCKET) {
    const client = new S3Client({
      region: env.S3_REGION,
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
      ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? {
            credentials: {
              accessKeyId: env.S3_ACCESS_KEY_ID,
              secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            },
          }
        : {}),
    });
    return (storage = new S3Storage(client, env.S3_BUCKET));
  }
  return (storage = new LocalStorage(env.UPLOAD_DIR));
}
