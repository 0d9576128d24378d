// The Discord emulator: `new DiscordEmulator().start()`, point discord.js at `apiUrl`, then act as people
// would with the dispatch helpers and assert on `records`, `messages` and `interactionReplies`.
export { DiscordEmulator, type ChannelFailure, type DiscordEmulatorOptions } from "./emulator.ts";
export { autocomplete, clickComponent, person, reaction, slashCommand, type Actor, type DispatchedInteraction } from "./dispatch.ts";
export { PERMISSIONS, snowflake, type EmulatedGuild, type EmulatedUser, type MessageRecord } from "./payloads.ts";
export type { RestRecord } from "./rest.ts";
