import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../src/audit";

describe("CSV cells", () => {
  it("leaves plain text alone", () => {
    expect(csvCell("member.ban")).toBe("member.ban");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\r\nlf")).toBe('"cr\r\nlf"');
  });

  it("defuses spreadsheet formulas with a leading apostrophe", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes dates as ISO and objects as JSON", () => {
    expect(csvCell(new Date("2024-05-01T10:00:00Z"))).toBe("2024-05-01T10:00:00.000Z");
    expect(csvCell({ name: "x", roles: ["a", "b"] })).toBe(
      '"{""name"":""x"",""roles"":[""a"",""b""]}"',
    );
  });

  it("joins rows with CRLF and ends with one", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["1", "x,y"],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
    expect(toCsv([])).toBe("");
  });
});
