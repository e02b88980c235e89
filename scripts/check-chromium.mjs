// Fails loudly (never skips) when the browser the e2e tests need is missing.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(
    `\nReal-browser tests need Chromium at ${path}, and it is not there.\n` +
      `Install Debian's build (as root):\n\n    apt-get update && apt-get install -y chromium\n\n` +
      `or point CHROMIUM_PATH at another Chromium binary. Playwright never downloads a browser here.\n`,
  );
  process.exit(1);
}
