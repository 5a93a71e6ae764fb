export * from "./chat";
export * from "./telegram";
