/** The payouts agent (not wired into the desk yet). */
export { payoutsAgent } from './agent';
