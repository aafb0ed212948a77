import fc from 'fast-check';

// Property tests draw their cases from one fixed seed, so a run of the suite is reproducible and
// CI cannot fail on a case no one has seen. To explore new cases: FC_SEED=<n> npm test (a
// failure prints its seed and path, to be replayed the same way).
const seed = Number(process.env.FC_SEED ?? 20_261_123);
fc.configureGlobal({ seed });
