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

describe("IPv6 transition prefixes", () => {
  it.each([
    // 6to4 carrying loopback, private, link-local and CGNAT IPv4
    ["2002:7f00:1::1", "6to4 -> 127.0.0.1"],
    ["2002:a00:1::", "6to4 -> 10.0.0.1"],
    ["2002:c0a8:101::1", "6to4 -> 192.168.1.1"],
    ["2002:a9fe:a9fe::", "6to4 -> 169.254.169.254"],
    // Teredo, whatever it carries (here a public server and client)
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
    ["2001::1", "Teredo"],
    // NAT64: well-known prefix carrying private IPv4; local-use prefix whatever it carries
    ["64:ff9b::7f00:1", "NAT64 -> 127.0.0.1"],
    ["64:ff9b::192.168.0.1", "NAT64 -> 192.168.0.1"],
    ["64:ff9b:1::808:808", "local-use NAT64"],
    ["64:ff9b:1:ffff::1", "local-use NAT64"],
    // IPv4-mapped carrying private IPv4; SIIT IPv4-translated whatever it carries
    ["::ffff:a9fe:a9fe", "mapped -> 169.254.169.254"],
    ["::ffff:0:7f00:1", "SIIT -> 127.0.0.1"],
    ["::ffff:0:8.8.8.8", "SIIT -> 8.8.8.8"],
  ])("blocks %s (%s)", (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each([
    ["2002:808:808::1", "6to4 -> 8.8.8.8"],
    ["64:ff9b::808:808", "NAT64 -> 8.8.8.8 (IPv6-only networks with DNS64 reach IPv4 sites this way)"],
    ["::ffff:1.1.1.1", "mapped -> 1.1.1.1"],
    // Neighbours of the refused prefixes stay public.
    ["2001:4860:4860::8888", "2001:4860::/32 is not Teredo"],
    ["2001:1::1", "next to Teredo's /32"],
    ["64:ff9b:2::1", "next to local-use NAT64's /48"],
    ["2003::1", "next to 6to4's /16"],
  ])("allows %s (%s)", (ip) => {
    expect(isBlockedAddress(ip)).toBe(false);
  });

  it("refuses them as URL literals too", () => {
    expect(() => assertUrlHostAllowed(new URL("http://[2002:7f00:1::1]/feed"), { allowPrivate: false })).toThrow(/not a public address/);
    expect(() => assertUrlHostAllowed(new URL("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/"), { allowPrivate: false })).toThrow(FetchError);
    expect(() => assertUrlHostAllowed(new URL("http://[64:ff9b::808:808]/"), { allowPrivate: false })).not.toThrow();
  });
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
