/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
export { seeded as random } from '../../src/text/random.js';
