export * from "./services";
