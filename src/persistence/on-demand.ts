// A store whose implementation is made on its first call: open.ts hands these out for the stores of
// Prisma's client, so a process that never calls them (a one-shot `papers search`) never loads Prisma.
// Every store method returns a Promise (core/stores; PaperStore.pages() is the one exception, and the
// SQLite paper store serves it without Prisma), so waiting for the client fits inside each call.

/** `store` is called once, at the first method call, however many come at once; a failed open is retried by the next call. */
export function onDemand<T extends object>(store: () => Promise<T>): T {
  const methods = new Map<PropertyKey, (...args: unknown[]) => Promise<unknown>>();
  // Proxy needs a target of the type it stands for; nothing on it is ever read (every `get` is answered here).
  const target = {} as T;
  return new Proxy(target, {
    get(_target, key) {
      // Not a thenable (an `await` of the store must not call through), and no symbol-keyed protocol.
      if (key === "then" || typeof key === "symbol") return undefined;
      let method = methods.get(key);
      if (!method) {
        method = async (...args: unknown[]) => {
          const real = await store();
          const fn: unknown = Reflect.get(real, key);
          if (typeof fn !== "function") throw new TypeError(`${String(key)} is not a store method`);
          return fn.apply(real, args);
        };
        methods.set(key, method);
      }
      return method;
    },
  });
}
