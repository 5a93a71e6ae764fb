import { useStream } from "@langchain/langgraph-sdk/react";
import { renderHook } from "@testing-library/react";
import { expect, it } from "vitest";

it("points at the local dev server", () => {
  const { result } = renderHook(() => useStream({ apiUrl: "http://localhost:2024", assistantId: "payout_helper" }));
  expect(result.current.isLoading).toBe(false);
});
