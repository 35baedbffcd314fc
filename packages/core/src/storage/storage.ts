import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { getEnv } from "../env";
import { processWide } from "@guildhall/process-wide";

/** Where uploaded files live: a local folder by default, an S3-compatible bucket when configured. */
export interface FileStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<{ body: Buffer; contentType: string } | null>;
  delete(key: string): Promise<void>;
  /** Removes every file whose key starts with `prefix` (a folder-like prefix ending in "/"). */
  deletePrefix(prefix: string): Promise<void>;
}

const safeKey = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;
function checkKey(key: string): string {
  if (!safeKey.test(key) || key.includes("..")) throw new Error(`bad storage key ${key}`);
  return key;
}

/** A prefix names a whole folder ("sites/<id>/"), never a partial name or the root. */
function checkPrefix(prefix: string): string {
  if (!prefix.endsWith("/") || !prefix.slice(0, -1))
    throw new Error(`bad storage prefix ${prefix}`);
  return checkKey(prefix);
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

  async deletePrefix(prefix: string) {
    await rm(this.path(checkPrefix(prefix)), { recursive: true, force: true });
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

  async deletePrefix(prefix: string) {
    checkPrefix(prefix);
    let token: string | undefined;
    // A listing page holds at most 1,000 keys, the most one DeleteObjects call takes.
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      const objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (objects.length > 0) {
        const result = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: objects, Quiet: true },
          }),
        );
        const failed = result.Errors?.[0];
        if (failed) throw new Error(`could not delete ${failed.Key}: ${failed.Code}`);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

/** Where an S3-compatible bucket is and how to sign in to it (the S3_* settings). */
export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** A bucket store; a custom endpoint (MinIO, R2, a test stand-in) is addressed path-style. */
export function createS3Storage(settings: S3Settings): S3Storage {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? {
          credentials: {
            accessKeyId: settings.accessKeyId,
            secretAccessKey: settings.secretAccessKey,
          },
        }
      : {}),
  });
  return new S3Storage(client, settings.bucket);
}

const configured = () =>
  processWide("storage", () => ({ storage: undefined as FileStorage | undefined }));

/** The configured storage: S3 when S3_BUCKET is set, else the UPLOAD_DIR folder. */
export function getStorage(): FileStorage {
  const state = configured();
  if (state.storage) return state.storage;
  const env = getEnv();
  if (env.S3_BUCKET) {
    return (state.storage = createS3Storage({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    }));
  }
  return (state.storage = new LocalStorage(env.UPLOAD_DIR));
}
