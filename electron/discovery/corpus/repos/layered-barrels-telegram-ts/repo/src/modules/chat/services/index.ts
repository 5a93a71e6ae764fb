export * from "./chat.service";
