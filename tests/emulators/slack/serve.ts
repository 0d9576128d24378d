// The Slack emulator as a process of its own, for CI's container check (.ci/run): prints
// {"apiUrl","token"} as one JSON line, then serves until SIGTERM.
//   node --import tsx tests/emulators/slack/serve.ts
import { SlackEmulator } from "./emulator.ts";

const emulator = new SlackEmulator();
await emulator.start();
process.stdout.write(JSON.stringify({ apiUrl: emulator.apiUrl, token: emulator.token }) + "\n");
process.on("SIGTERM", () => { void emulator.stop().then(() => process.exit(0)); });
