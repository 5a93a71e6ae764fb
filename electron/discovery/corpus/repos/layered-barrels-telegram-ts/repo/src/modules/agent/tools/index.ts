export * from "./lookup-refund.tool";
