import { Agent } from "@voltagent/core";
import { saveRepresentmentLetterTool } from "../tools/letters.js";

// Drafts the merchant's answer to the card network; the desk hands it a dispute once the charge is checked.
export const letterWriter = new Agent({
  name: "representment-writer",
  instructions: "Write a short, factual representment letter from the charge details you are given, then save it.",
  model: "anthropic/claude-haiku-4-5",
  tools: [saveRepresentmentLetterTool],
});
