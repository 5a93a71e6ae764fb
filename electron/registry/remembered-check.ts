/**
 * A check of short text that repeats down a sheet (the owners' emails, review dates), answered
 * once per distinct value: the schema's own check costs a microsecond or two per call, and a
 * 10,000-row registry has a few hundred owners. Only passing values are remembered; a failing
 * one is checked again each time (it is about to become an error message anyway). The memory is
 * bounded, so a long-running app holds at most `capacity` values per check.
 */
export function rememberPassing(check: (text: string) => boolean, capacity = 4096): (text: string) => boolean {
  const passed = new Set<string>();
  return (text) => {
    if (passed.has(text)) return true;
    if (!check(text)) return false;
    if (passed.size >= capacity) passed.clear();
    passed.add(text);
    return true;
  };
}
