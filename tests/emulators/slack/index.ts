export { SlackEmulator, type SlackCall, type ResponsePost, type StoredMessage, type UploadedFile, type SlackEmulatorOptions } from "./emulator.ts";
export { FailureInjector, RateLimiter, type Failure, type RateLimitOptions } from "./failures.ts";
export { SlackRequester, slackSignature, type BotResponse, type SignOptions } from "./signed-requests.ts";
export { SocketModeServer, slashCommandPayload, type Ack } from "./socket-mode.ts";
