/**
 * Bottleneck (the throttling plugin's limiter) keeps each limiter's settings in Redis with a TTL
 * (2 minutes in the plugin) and recreates them when its Lua scripts answer SETTINGS_KEY_NOT_FOUND,
 * or re-registers the client on UNKNOWN_CLIENT. Redis 7 prefixes such replies with "ERR ", which
 * Bottleneck 2.19.5 (unmaintained since 2019; SGrondin/bottleneck#205, #212, #219) compares
 * exactly and so no longer recognises: after any idle spell longer than the TTL every request
 * failed. This strips the prefix from those two replies only, on the connection Probot shares.
 */
const PREFIXED = /^ERR (SETTINGS_KEY_NOT_FOUND|UNKNOWN_CLIENT)$/;
const fixed = new WeakSet<object>();

type ScriptCallback = (error: Error | null | undefined, replies: unknown) => void;
interface ScriptConnection {
  __scriptArgs__(name: string, id: string, args: unknown[], callback: ScriptCallback): unknown[];
}

const isScriptConnection = (connection: unknown): connection is ScriptConnection =>
  typeof connection === "object" &&
  connection !== null &&
  typeof (connection as Partial<ScriptConnection>).__scriptArgs__ === "function";

/** Make a Bottleneck Redis connection understand Redis 7's replies; idempotent. */
export function recogniseRedis7Replies<T>(connection: T): T {
  if (!isScriptConnection(connection) || fixed.has(connection)) return connection;
  const scriptArgs = connection.__scriptArgs__.bind(connection);
  connection.__scriptArgs__ = (name, id, args, callback) =>
    scriptArgs(name, id, args, (error, replies) => {
      const match = error ? PREFIXED.exec(error.message) : null;
      if (error && match) error.message = match[1] as string;
      callback(error, replies);
    });
  fixed.add(connection);
  return connection;
}
