import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Dispatcher } from "./dispatch.js";
import { publicBase } from "./urls.js";

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Serves the dispatcher over HTTP on loopback only. */
export class LoopbackServer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async listen(port: number, dispatcher: () => Dispatcher): Promise<LoopbackServer> {
    const server = createServer((request, response) => {
      readBody(request).then(
        (bodyText) => {
          const rawUrl = request.url ?? "/";
          const base = publicBase(request.headers, rawUrl, `127.0.0.1:${request.socket.localPort}`);
          const url = new URL(rawUrl, base.origin);
          const outcome = dispatcher().handle({
            method: request.method ?? "GET",
            // GitHub Enterprise Server serves the API under /api/v3 and GraphQL at /api/graphql; so
            // does the emulator, as well as at the root.
            path:
              (rawUrl.split("?")[0] ?? "/")
                .replace(/^\/api\/v3(?=\/|$)/, "")
                .replace(/^\/api\/graphql$/, "/graphql") || "/",
            url,
            base,
            headers: request.headers,
            bodyText,
          });
          if (outcome.drop) {
            request.socket.destroy();
            return;
          }
          response.writeHead(outcome.status, outcome.headers);
          response.end(outcome.body);
        },
        // A request whose body never arrived (client gone) has no one to answer.
        () => request.socket.destroy(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    return new LoopbackServer(server, `http://127.0.0.1:${address.port}`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive connections of clients would otherwise hold the server open.
      this.server.closeAllConnections();
    });
  }
}
