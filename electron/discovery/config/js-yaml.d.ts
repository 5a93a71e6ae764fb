/**
 * The part of js-yaml 4 that yaml-core-reader.ts uses (the package ships no types, and
 * @types/js-yaml is not installed): loading with a custom schema and the node listener.
 */
declare module 'js-yaml' {
  export interface TypeOptions {
    kind: 'scalar' | 'sequence' | 'mapping';
    resolve?: (data: unknown) => boolean;
    construct?: (data: unknown, tag?: string) => unknown;
  }
  export class Type {
    constructor(tag: string, options: TypeOptions);
  }
  export class Schema {
    constructor(definition: { implicit?: Type[]; explicit?: Type[] });
  }
  /** The loader's state as the listener sees it when a node opens and closes. */
  export interface LoaderState {
    position: number;
    kind: 'scalar' | 'sequence' | 'mapping' | null;
    result: unknown;
    tag: string | null;
    anchor: string | null;
  }
  export interface LoadOptions {
    schema?: Schema;
    /** Duplicate keys override instead of throwing. */
    json?: boolean;
    listener?: (event: 'open' | 'close', state: LoaderState) => void;
    maxDepth?: number;
  }
  export function loadAll(input: string, iterator?: null, options?: LoadOptions): unknown[];
}
