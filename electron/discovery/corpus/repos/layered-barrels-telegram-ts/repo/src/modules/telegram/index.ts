export * from "./refund-bot";
