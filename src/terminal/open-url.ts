// Opens a link the reader chose, with $BROWSER (its first entry; "%s" stands for the address)
// or the platform's opener (xdg-open, open, start). The program runs detached with no terminal
// of its own: Lectern keeps the screen. Resolves to a one-line problem, or undefined when started.
import { spawn } from "node:child_process";

function opener(url: string): { command: string; args: string[] } {
  const browser = process.env.BROWSER?.split(":").find((entry) => entry.trim() !== "");
  if (browser) {
    const words = browser.trim().split(/\s+/);
    const command = words[0] as string;
    const rest = words.slice(1);
    const args = rest.some((w) => w.includes("%s"))
      ? rest.map((w) => w.replaceAll("%s", url))
      : [...rest, url];
    return { command, args };
  }
  if (process.platform === "darwin") return { command: "open", args: [url] };
  if (process.platform === "win32") return { command: "cmd", args: ["/c", "start", "", url] };
  return { command: "xdg-open", args: [url] };
}

export function openUrl(url: string): Promise<string | undefined> {
  const { command, args } = opener(url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: "ignore" });
      child.once("error", (error: NodeJS.ErrnoException) => {
        resolve(
          error.code === "ENOENT"
            ? `No program to open links: ${command} not found (set $BROWSER)`
            : `Could not open the link with ${command} (${error.code ?? "error"})`,
        );
      });
      child.once("spawn", () => {
        child.unref();
        resolve(undefined);
      });
    } catch {
      resolve(`Could not open the link with ${command}`);
    }
  });
}
