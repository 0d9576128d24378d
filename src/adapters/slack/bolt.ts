// The parts of Bolt the adapter runs, required from their own modules. `@slack/bolt`'s index loads
// every receiver it has, among them ExpressReceiver (express and its ~60 modules) and the AWS Lambda
// one, which this bot never uses: measured ~120 ms of CPU of each `papers start` with Slack. Bolt is
// pinned (package.json) and these are its dist/ files; the Slack tests start the real App through them.
// Types still come from the package's index (`import type`, erased at build).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// Bolt's own dependencies, resolved from Bolt's folder: the same modules (and classes) Bolt itself uses.
const fromBolt = createRequire(require.resolve("@slack/bolt/dist/App.js"));

export const { default: App } = require("@slack/bolt/dist/App.js") as typeof import("@slack/bolt/dist/App.js");
export const { default: HTTPReceiver } = require("@slack/bolt/dist/receivers/HTTPReceiver.js") as typeof import("@slack/bolt/dist/receivers/HTTPReceiver.js");
export const { default: SocketModeReceiver } = require("@slack/bolt/dist/receivers/SocketModeReceiver.js") as typeof import("@slack/bolt/dist/receivers/SocketModeReceiver.js");
/** The receiver calls these through this very exports object (receiver-guards.ts wraps two of them). */
export const HTTPModuleFunctions = require("@slack/bolt/dist/receivers/HTTPModuleFunctions.js") as typeof import("@slack/bolt/dist/receivers/HTTPModuleFunctions.js");
export const webApi = fromBolt("@slack/web-api") as typeof import("@slack/web-api");
export const { LogLevel } = fromBolt("@slack/logger") as typeof import("@slack/logger");

// The same names as types, as the package's index gives them.
export type App = import("@slack/bolt").App;
export type SocketModeReceiver = import("@slack/bolt").SocketModeReceiver;
export type LogLevel = import("@slack/bolt").LogLevel;
export declare namespace webApi {
  export type WebClient = import("@slack/bolt").webApi.WebClient;
  export type WebClientOptions = import("@slack/bolt").webApi.WebClientOptions;
}
