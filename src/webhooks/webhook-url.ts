import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { WebhookErrorCode } from "./webhook.errors";

/** CIDR ranges allowed although private, loopback or otherwise not public (WEBHOOK_ALLOWED_NETWORKS). */
export type AllowedNetworks = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** Parses "127.0.0.0/8,::1/128,10.20.0.0/16"; throws on a malformed range. */
export function parseAllowedNetworks(value: string): AllowedNetworks {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((cidr) => {
      try {
        return ipaddr.parseCIDR(cidr);
      } catch {
        throw new Error(`"${cidr}" is not a CIDR range (like 10.20.0.0/16 or ::1/128)`);
      }
    });
}

/**
 * Whether a webhook may connect to this address: public unicast addresses always; anything else (loopback, private,
 * link-local such as cloud metadata at 169.254.169.254, unique-local, multicast, reserved) only inside an allowed range.
 * IPv4 addresses written as IPv6 (::ffff:10.0.0.1) are judged as the IPv4 address they are.
 */
export function addressAllowed(address: string, allowed: AllowedNetworks): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (ip.range() === "unicast") return true;
  return allowed.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits));
}

export type UrlProblem = { code: WebhookErrorCode.INVALID_URL | WebhookErrorCode.URL_NOT_ALLOWED | WebhookErrorCode.HOST_NOT_FOUND; message: string };

/** The URL's form: http(s), a host, no credentials, at most 2000 characters. */
export function checkUrlForm(value: string): UrlProblem | null {
  if (value.length > 2000) return { code: WebhookErrorCode.INVALID_URL, message: "url must be at most 2000 characters." };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: WebhookErrorCode.INVALID_URL, message: "url is not an absolute URL." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { code: WebhookErrorCode.INVALID_URL, message: "url must be http or https." };
  if (url.username || url.password)
    return { code: WebhookErrorCode.INVALID_URL, message: "url must not carry credentials: the signature authenticates deliveries." };
  if (url.hash) return { code: WebhookErrorCode.INVALID_URL, message: "url must not have a fragment." };
  return null;
}

/** Resolves the URL's host: every address it names must be allowed (a host is refused if any address is private). */
export async function checkUrlTarget(value: string, allowed: AllowedNetworks): Promise<UrlProblem | null> {
  const host = new URL(value).hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return { code: WebhookErrorCode.HOST_NOT_FOUND, message: `The host ${host} does not resolve.` };
  }
  const refused = addresses.find((a) => !addressAllowed(a, allowed));
  if (refused) {
    return {
      code: WebhookErrorCode.URL_NOT_ALLOWED,
      message: `The host ${host} resolves to ${refused}, a private, loopback or reserved address: webhooks go to public addresses only (an operator can allow ranges with WEBHOOK_ALLOWED_NETWORKS).`,
    };
  }
  return null;
}
