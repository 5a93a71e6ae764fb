export * from "./agent";
