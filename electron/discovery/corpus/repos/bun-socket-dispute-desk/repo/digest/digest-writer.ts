import { writeFile } from "node:fs/promises";
import { draftDigest } from "./draft-digest";

export async function writeDigest(day: string): Promise<void> {
  const text = await draftDigest(day);
  await writeFile(`digests/${day}.md`, text, "utf8");
}
