import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { assertUrlHostAllowed, guardedLookup, isBlockedAddress } from "../../src/ingest/address-guard.ts";
import { FetchError } from "../../src/ingest/types.ts";

describe("isBlockedAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",
    "169.254.169.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "[::1]",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "not-an-ip",
  ])("blocks %s", (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "allows %s",
    (ip) => {
      expect(isBlockedAddress(ip)).toBe(false);
    },
  );
});

describe("assertUrlHostAllowed", () => {
  const deny = { allowPrivate: false };
  it("refuses IP literals and localhost names, allows public names and allowPrivate", () => {
    expect(() => assertUrlHostAllowed(new URL("http://127.0.0.1/"), deny)).toThrow(FetchError);
    expect(() => assertUrlHostAllowed(new URL("http://[::1]:8080/"), deny)).toThrow(/not a public address/);
    expect(() => assertUrlHostAllowed(new URL("http://app.localhost/"), deny)).toThrow(FetchError);
    expect(() => assertUrlHostAllowed(new URL("http://0x7f000001/"), deny)).toThrow(FetchError); // WHATWG -> 127.0.0.1
    expect(() => assertUrlHostAllowed(new URL("https://news.example.cn/rss"), deny)).not.toThrow();
    expect(() => assertUrlHostAllowed(new URL("http://127.0.0.1/"), { allowPrivate: true })).not.toThrow();
  });
});

describe("guardedLookup", () => {
  const lookup = (host: string, allowPrivate: boolean) =>
    new Promise<LookupAddress[]>((resolve, reject) => {
      guardedLookup({ allowPrivate })(host, { all: true }, (err, addresses) =>
        err ? reject(err) : resolve(addresses as LookupAddress[]),
      );
    });

  it("refuses a name that resolves to loopback, and passes it through when allowed", async () => {
    await expect(lookup("localhost", false)).rejects.toMatchObject({ kind: "blocked-address" });
    const addresses = await lookup("localhost", true);
    expect(addresses.length).toBeGreaterThan(0);
  });
});
