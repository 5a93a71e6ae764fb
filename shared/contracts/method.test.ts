import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, METHOD_NAMES } from '../contract';
import { combineContracts, method } from './method';

describe('combineContracts', () => {
  const a = { ping: method<string>()(z.object({})) };
  const b = { pong: method<number>()(z.object({})) };

  it('joins the capabilities into one contract', () => {
    expect(Object.keys(combineContracts(a, b))).toEqual(['ping', 'pong']);
  });

  it('refuses a method name two capabilities declare, in the type check and when loading', () => {
    const again = { ping: method<number>()(z.object({})) };
    // @ts-expect-error "ping" is declared twice
    expect(() => combineContracts(a, again)).toThrow('Backend method "ping" is declared by two capabilities');
  });

  it('serves every method of every capability', () => {
    expect(METHOD_NAMES).toContain('listAgents');
    expect(METHOD_NAMES).toContain('startScan');
    expect(new Set(METHOD_NAMES).size).toBe(Object.keys(contract).length);
  });
});
