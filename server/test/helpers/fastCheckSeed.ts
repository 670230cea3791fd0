/**
 * Property tests run from one fixed seed by default, so `npm test` (and CI)
 * checks the same generated cases every time and a red build is reproducible.
 * Exploration is a separate, deliberate act: `FC_SEED=random npm test` draws
 * fresh seeds (fast-check prints the seed and path of any counterexample),
 * and `FC_SEED=<n>` replays one. A counterexample found that way becomes a
 * fixed `examples` entry next to its property, as in
 * server/src/interchange/roundtrip.test.ts.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20261128;
const wanted = process.env.FC_SEED;
if (wanted !== 'random') {
  const seed = wanted === undefined || wanted === '' ? DEFAULT_SEED : Number(wanted);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${JSON.stringify(wanted)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
