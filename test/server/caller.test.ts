import type http from "node:http";
import { clientAddressOf } from "../../src/server/caller";

/** A request as clientAddressOf sees it: the socket's address and the X-Forwarded-For header. */
function request(socket: string | undefined, forwardedFor?: string | string[]): Pick<http.IncomingMessage, "headers" | "socket"> {
  return {
    socket: { remoteAddress: socket } as http.IncomingMessage["socket"],
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  };
}

describe("clientAddressOf", () => {
  test.each([
    ["no proxy: the socket's address, whatever the header says", "198.51.100.1", "203.0.113.9", 0, "198.51.100.1"],
    ["no proxy, no header", "::1", undefined, 0, "::1"],
    ["one proxy: the address it appended", "10.0.0.2", "203.0.113.9", 1, "203.0.113.9"],
    ["one proxy: entries the client wrote further left are ignored", "10.0.0.2", "6.6.6.6, 203.0.113.9", 1, "203.0.113.9"],
    ["two proxies: the address the outer one saw", "10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", 2, "203.0.113.9"],
    ["spaces and empty entries do not count", "10.0.0.2", " 203.0.113.9 ,, ", 1, "203.0.113.9"],
    ["fewer entries than proxies: the leftmost there is", "10.0.0.2", "203.0.113.9", 3, "203.0.113.9"],
    ["a proxy configured but no header: the socket's", "10.0.0.2", undefined, 1, "10.0.0.2"],
    ["repeated headers are joined in order", "10.0.0.2", ["6.6.6.6", "203.0.113.9"], 1, "203.0.113.9"],
    ["a socket without an address", undefined, undefined, 0, "unknown"],
  ])("%s", (_name, socket, header, hops, expected) => {
    expect(clientAddressOf(request(socket, header), hops)).toBe(expected);
  });
});
