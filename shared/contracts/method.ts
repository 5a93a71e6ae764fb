import { z } from 'zod';

declare const outputBrand: unique symbol;
/** One backend method: its input schema (validated by the engine's dispatcher on every host) and its output type. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  [outputBrand]?: O;
}
export const method = <O>() => <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });

type Keys<T> = T extends unknown ? keyof T : never;
/** Method names declared by more than one capability's contract. */
type DuplicateNames<T extends readonly object[], Seen = never> = T extends readonly [infer Head extends object, ...infer Rest extends readonly object[]]
  ? (keyof Head & Seen) | DuplicateNames<Rest, Seen | keyof Head>
  : never;
type Joined<T extends readonly object[]> = (T[number] extends infer U ? (U extends unknown ? (x: U) => void : never) : never) extends (x: infer I) => void ? I : never;

/**
 * Joins the capabilities' contracts into the one contract every host serves. A method name
 * declared twice fails the type check (the argument list no longer type-checks) and, should a
 * cast hide it, throws when the module loads: two handlers can never silently share a name.
 */
export function combineContracts<const T extends readonly object[]>(
  ...parts: T & ([DuplicateNames<T>] extends [never] ? unknown : { error: 'method declared twice'; names: DuplicateNames<T> })
): { [K in Keys<Joined<T>>]: Joined<T>[K] } {
  const combined: Record<string, unknown> = {};
  for (const part of parts as unknown as object[]) {
    for (const [name, spec] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(combined, name)) throw new Error(`Backend method "${name}" is declared by two capabilities' contracts; rename one.`);
      combined[name] = spec;
    }
  }
  return combined as { [K in Keys<Joined<T>>]: Joined<T>[K] };
}

/** Input of a method that takes none. */
export const Empty = z.object({}).strict();
