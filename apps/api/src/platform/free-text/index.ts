export { assertNoIdentifiers, identifiersIn, type GuardOptions, type GuardedText } from './free-text-guard.ts';
