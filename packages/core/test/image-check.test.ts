import { describe, expect, it } from "vitest";
import { inspectImage } from "../src/storage/image-check";
import { tinyPng } from "../src/testing/images";

describe("image checks from the bytes", () => {
  it("reads PNG, GIF, JPEG and WebP headers", () => {
    expect(inspectImage(tinyPng())).toEqual({ type: "image/png", width: 3, height: 2 });
    const gif = Buffer.concat([Buffer.from("GIF89a"), Buffer.from([5, 0, 7, 0, 0, 0, 0])]);
    expect(inspectImage(gif)).toEqual({ type: "image/gif", width: 5, height: 7 });
    // SOI, APP0 (length 16), SOF0 with height 10 and width 20
    const jpeg = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x00,
      0x0a,
      0x00,
      0x14,
      0x03,
      ...Array(12).fill(0),
    ]);
    expect(inspectImage(jpeg)).toEqual({ type: "image/jpeg", width: 20, height: 10 });
    const webp = Buffer.alloc(30);
    webp.write("RIFF", 0);
    webp.write("WEBPVP8X", 8);
    webp.writeUIntLE(63, 24, 3);
    webp.writeUIntLE(31, 27, 3);
    expect(inspectImage(webp)).toEqual({ type: "image/webp", width: 64, height: 32 });
  });

  it("refuses a text file renamed .png, truncated headers and huge canvases", () => {
    expect(inspectImage(Buffer.from("just some text pretending to be a png file"))).toBeNull();
    expect(inspectImage(tinyPng().subarray(0, 20))).toBeNull();
    expect(inspectImage(tinyPng(5000, 10))).toBeNull();
    expect(inspectImage(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
  });
});
