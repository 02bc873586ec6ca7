import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A server in front of the emulator (or alone) that answers some requests with a 400 whose message
 * echoes the request's Authorization header, as a misconfigured proxy or gateway may do, and passes
 * the others through. What syllabot prints or logs of that message must not show the credential.
 */

export interface EchoingServer {
  url: string;
  /** How many answers echoed a credential. */
  echoed: number;
  close(): Promise<void>;
}

/** Credentials of someone else, in the echoed message too: caught by their shape, not their value. */
export const FOREIGN_CREDENTIALS = {
  "a foreign token": `ghp_${"Foreign0Token1".repeat(3)}`,
  "a foreign JWT": "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjQyLCJpYXQiOjF9.Zm9yZWlnbi1zaWduYXR1cmU",
};

export async function startEchoingServer(options: {
  /** Where requests that are not echoed go; without it, every request is echoed. */
  target?: string;
  echoes?: (method: string, path: string) => boolean;
}): Promise<EchoingServer> {
  const echoes = options.echoes ?? (() => true);
  const state = { echoed: 0 };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const method = request.method ?? "GET";
      const path = request.url ?? "/";
      if (!options.target || echoes(method, path)) {
        state.echoed += 1;
        const authorization = request.headers.authorization ?? "(none)";
        response.writeHead(400, { "content-type": "application/json; charset=utf-8" }).end(
          JSON.stringify({
            message: `Bad request: the gateway refused Authorization: ${authorization} (earlier: Authorization: token ${FOREIGN_CREDENTIALS["a foreign token"]}, ${FOREIGN_CREDENTIALS["a foreign JWT"]})`,
            // The bare credential, without its scheme: only its registered value can catch it.
            errors: [{ message: `credential was ${authorization.replace(/^\S+\s+/, "")}` }],
          }),
        );
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers)
          .filter(([name]) => !["host", "connection", "content-length"].includes(name))
          .map(([name, value]) => [name, String(value)]),
      );
      const forwarded = await fetch(new URL(path, options.target), {
        method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const answer = Buffer.from(await forwarded.arrayBuffer());
      const answerHeaders = Object.fromEntries(
        [...forwarded.headers].filter(
          ([name]) =>
            !["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name),
        ),
      );
      response.writeHead(forwarded.status, answerHeaders).end(answer);
    })().catch((error: unknown) => {
      response.writeHead(502).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get echoed() {
      return state.echoed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
